"""Reading a file's bytes safely: size limit first, then a cheap check for binary content."""

from __future__ import annotations

from pathlib import Path

from eventwire.ingest.failure import Rejected

__all__ = ["MAX_BYTES", "binary_kind", "read_bytes"]

#: Largest input file ingest accepts: 10 MB (decimal, 10,000,000 bytes). A news article is a few
#: tens of kilobytes; anything this large is a dump or a mistake, and reading it whole would only
#: waste memory. A bigger JSON Lines collection should be split.
MAX_BYTES = 10_000_000

_MB = 1_000_000

# Leading bytes of common binary formats, so the failure can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
)

# UTF-16/32 text legitimately contains NUL bytes; its byte-order mark tells it apart from binary.
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _megabytes(size: int) -> str:
    value = f"{size / _MB:.1f}"
    return value.removesuffix(".0")


def binary_kind(data: bytes) -> str | None:
    """A short name of the binary format ``data`` starts with, ``"binary"`` for other binary
    content, or None when it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            # "MZ" and "ID3" are also plausible first letters of a text; trust them only with NULs.
            if name in {"Windows executable", "MP3"} and b"\x00" not in data[:1024]:
                continue
            return name
    if data.startswith(_WIDE_BOMS):
        return None
    if b"\x00" in data[:8192]:
        return "binary"
    return None


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; raises Rejected for a missing, unreadable, oversized or binary file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise Rejected("no such file") from None
    except OSError as exc:
        raise Rejected(f"cannot read file ({exc.strerror or exc.__class__.__name__})") from None
    if size > limit:
        raise Rejected(f"file too large ({_megabytes(size)} MB > {_megabytes(limit)} MB limit)")
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: the size may have grown since stat (or be a pipe).
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise Rejected("is a directory") from None
    except OSError as exc:
        raise Rejected(f"cannot read file ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > limit:
        raise Rejected(f"file too large (over {_megabytes(limit)} MB limit)")
    kind = binary_kind(data)
    if kind is not None:
        raise Rejected("binary file" if kind == "binary" else f"binary file ({kind})")
    if not data.strip():
        raise Rejected("empty file")
    return data
