"""Turn hostile raw bytes into text: gzip, size limits, charsets, binary detection.

Every failure is an `InputError` with a one-line message naming the problem.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass

from retina.errors import InputError

MAX_DECODED_BYTES = 20 * 1024 * 1024
"""Largest decompressed input accepted; stops gzip bombs before they use memory."""

_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
    (b"WARC/", "a WARC archive (not supported by `clean`)"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
# WHATWG: labels browsers treat as windows-1252.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "l1", "cp819"}
# Legacy encodings by how common they are on the web, for breaking detection ties.
_WEB_PRIOR = (
    "cp1252",
    "cp1251",
    "cp1250",
    "gb18030",
    "shift_jis",
    "euc_kr",
    "big5",
    "cp1256",
    "iso8859_15",
    "iso8859_2",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "cp874",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from raw input, and how it was decoded."""

    text: str
    encoding: str
    was_gzipped: bool


def decode(
    data: bytes | str, *, content_type: str | None = None, max_bytes: int = MAX_DECODED_BYTES
) -> Decoded:
    """Decode raw input to text, unwrapping gzip and guessing the charset when needed."""
    if isinstance(data, str):
        return Decoded(text=_check_text(data), encoding="unicode", was_gzipped=False)
    if not data.strip():
        raise InputError("input is empty")
    was_gzipped = data.startswith(_GZIP_MAGIC)
    if was_gzipped:
        data = gunzip(data, max_bytes)
        if not data.strip():
            raise InputError("input is empty (after gzip decompression)")
    if len(data) > max_bytes:
        raise InputError(
            f"input is {len(data) / 2**20:.1f} MB, over the {max_bytes / 2**20:.0f} MB limit"
        )
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"input is {what}, not HTML or text")
    text, encoding = _to_text(data, content_type)
    return Decoded(text=_check_text(text), encoding=encoding, was_gzipped=was_gzipped)


_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]{{1,3}}")
"""What a UTF-8 character read as Latin-1 or Windows-1252 becomes: the lead byte as a
letter ("Ã", "â"), then one to three continuation bytes as symbols ("©", "€¦")."""
_MAX_MOJIBAKE_RUNS = 20_000
"""Runs read again in one text, a few times the characters of a long article in Cyrillic
(each letter a run): each costs a call, and a hostile text could hold millions."""


def repair_mojibake(text: str) -> str:
    """Text whose UTF-8 bytes were read as Latin-1 or Windows-1252 ("â\x80¦" or "â€¦"
    for "…", "Ã©" for "é") read again as UTF-8, run by run: a text may hold both kinds
    (a page's JSON-LD, written apart from its HTML, with its own no-break spaces).
    Real text is left as it is: "pâte" or "Müller" hold no such run, and a run that does
    not decode as UTF-8 is kept."""
    if text.isascii():
        return text
    return _MOJIBAKE.sub(_redecoded, text, count=_MAX_MOJIBAKE_RUNS)


def _redecoded(run: re.Match[str]) -> str:
    for codec in ("latin-1", "cp1252"):
        try:
            return run.group().encode(codec, errors=_C1_AS_BYTES).decode("utf-8")
        except UnicodeError:
            continue
    return run.group()


def _c1_as_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Windows-1252 leaves five bytes undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d); a decoder
    that read them anyway wrote the C1 control of the same number ("â€\x9d" for "”")."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    if not all("\x80" <= char <= "\x9f" for char in bad):
        raise error
    return bad.encode("latin-1"), error.end


_C1_AS_BYTES = "retina-c1-as-bytes"
codecs.register_error(_C1_AS_BYTES, _c1_as_bytes)


def gunzip(data: bytes, max_bytes: int = MAX_DECODED_BYTES) -> bytes:
    """Decompress (possibly multi-member) gzip data, refusing output over `max_bytes`."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                raise InputError(
                    f"gzip input expands beyond the {max_bytes / 2**20:.0f} MB limit (gzip bomb?)"
                )
            if inflater.unconsumed_tail:
                raise InputError(
                    f"gzip input expands beyond the {max_bytes / 2**20:.0f} MB limit (gzip bomb?)"
                )
        except zlib.error as error:
            raise InputError(f"corrupt gzip data ({error})") from None
        if not inflater.eof:
            raise InputError("truncated gzip data: the stream ends before its end marker")
        rest = inflater.unused_data.lstrip(b"\x00")
        if rest and not rest.startswith(_GZIP_MAGIC):
            break  # trailing garbage after a complete member: ignore it as gzip(1) does
    return bytes(out)


def decompress_http(body: bytes, encoding: str, max_bytes: int = MAX_DECODED_BYTES) -> bytes:
    """Undo an HTTP Content-Encoding (gzip or deflate) with the same size limit."""
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return gunzip(body, max_bytes)
    if encoding == "deflate":
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
            inflater = zlib.decompressobj(wbits=wbits)
            try:
                out = inflater.decompress(body, max_bytes + 1)
            except zlib.error:
                continue
            if len(out) > max_bytes or inflater.unconsumed_tail:
                raise InputError(
                    f"deflate body expands beyond the {max_bytes / 2**20:.0f} MB limit"
                )
            return out
        raise InputError("corrupt deflate body")
    raise InputError(f"unsupported Content-Encoding {encoding!r}")


def _to_text(data: bytes, content_type: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    # Valid UTF-8 with non-ASCII bytes is almost never meant as anything else, whatever
    # the page declares; trying it first repairs the common "declared latin-1" mistake.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8"
    declared = _declared_charset(data, content_type)
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except (UnicodeError, LookupError):
            # LookupError: a codec that is no text encoding ("base64", "zlib", "rot13");
            # UnicodeError: "undefined", or bytes that are not in the declared charset
            pass
    guessed = _guess_charset(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    return data.decode("windows-1252", errors="replace"), "windows-1252"


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray invalid bytes (a common server mix-up) stays UTF-8:
    its valid multi-byte characters far outnumber the invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - invalid
    return text if multibyte >= 20 * invalid else None


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    label: str | None = None
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        label = match.group(1) if match else None
    if label is None:
        head = data[:8192]
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        label = match.group(1).decode("ascii", "ignore") if match else None
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_ALIASES:
        return "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess_charset(data: bytes) -> str | None:
    """charset_normalizer's guess; ties (common for short Latin text) go to the encoding
    most used on the web, so French in latin-1 is not read as Central European cp1250."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return None
    best = min(
        matches,
        key=lambda m: (
            round(m.chaos, 3),
            -round(m.coherence, 3),
            _WEB_PRIOR.index(m.encoding) if m.encoding in _WEB_PRIOR else len(_WEB_PRIOR),
        ),
    )
    return best.encoding


def _check_text(text: str) -> str:
    """Refuse binary data; return the text without stray NUL characters.

    Real pages sometimes carry a few NULs; binary data has them (and other control
    characters) throughout, so the test is their share, not their presence.
    """
    if not text.strip():
        raise InputError("input is empty")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > len(sample) * 0.01:
        raise InputError("input looks like binary data, not HTML or text")
    if sample.count("\ufffd") > max(16, len(sample) * 0.05):
        raise InputError("input is not decodable text (unknown or mixed encoding)")
    return text.replace("\x00", "")
