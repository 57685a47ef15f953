"""Language knowledge shared by ``vectorstore/`` and ``bot/``: folding, calendar, numbers, places.

The ground floor: no model, no store, nothing from ``bot/`` or ``vectorstore/``.
Name tables come from CLDR (Babel) and number words from num2words, so the
rules stay general rather than fitted to the sample stories.
"""
