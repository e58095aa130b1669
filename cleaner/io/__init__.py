"""Reading documents, cleaning them as a stream, and writing records.

=================  ==========================================================
module             what it does
=================  ==========================================================
readers            .txt files, folders, JSONL (and .jsonl.gz) -> Document or DocumentError items
run                items -> Outcome values (record or error) and the run's statistics
writers            records -> JSONL (optionally .gz) or Parquet, written atomically
=================  ==========================================================
"""

from .readers import Document, DocumentError, Item, batched, decode_text, expand_paths, read_bytes, read_files, read_jsonl, read_jsonl_stream, read_paths, read_txt
from .run import Outcome, RunStats, clean_batch, clean_item, clean_items
from .writers import JsonlWriter, ParquetWriter, RecordWriter, open_writer, write_jsonl

__all__ = [
    "Document", "DocumentError", "Item", "batched", "decode_text", "expand_paths", "read_bytes",
    "read_files", "read_jsonl", "read_jsonl_stream", "read_paths", "read_txt",
    "Outcome", "RunStats", "clean_batch", "clean_item", "clean_items",
    "JsonlWriter", "ParquetWriter", "RecordWriter", "open_writer", "write_jsonl",
]
