"""Reading and serving document files: page counts, and downloads that PDF viewers can resume.

Wagtail's own document view answers neither `Range` nor conditional requests, and no
maintained Django package does byte ranges, so the ranged response is written here (RFC 9110
§14, single ranges only: a multi-range request gets the whole file, which the RFC allows).
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header, parse_http_date_safe
from django.views.decorators.http import condition
from pypdf import PdfReader
from pypdf.errors import PdfReadError

CHUNK_SIZE = 64 * 1024
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


def read_page_count(document) -> int | None:
    """Number of pages in the document's PDF file, or None if it cannot be read as a PDF."""
    try:
        with document.open_file() as f:
            return len(PdfReader(f).pages)
    except (PdfReadError, OSError, ValueError):
        return None


def pdf_problem(uploaded_file) -> str | None:
    """Why an uploaded .pdf cannot be read as a PDF (pypdf's reason), or None if it can."""
    try:
        uploaded_file.seek(0)
        pages = len(PdfReader(uploaded_file).pages)
    except (PdfReadError, OSError, ValueError) as error:
        return str(error) or error.__class__.__name__
    finally:
        uploaded_file.seek(0)
    return None if pages else "no pages"


def serve_document(request, document, filename: str):
    """The document's file with ETag/Last-Modified (304 on revalidation), HEAD and Range."""
    etag = f'"{document.get_file_hash()}"'
    last_modified = document.last_modified

    @condition(etag_func=lambda _r: etag, last_modified_func=lambda _r: last_modified)
    def respond(request):
        size = document.get_file_size() or 0
        byte_range = requested_range(request, size, etag, int(last_modified.timestamp()))
        if byte_range == "unsatisfiable":
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        if request.method == "HEAD":
            response = HttpResponse(content_type=document.content_type)
            response["Content-Length"] = str(size)
        elif byte_range is None:
            response = FileResponse(document.file.open("rb"), content_type=document.content_type)
        else:
            start, end = byte_range
            response = StreamingHttpResponse(
                file_slice(document, start, end - start + 1),
                status=206,
                content_type=document.content_type,
            )
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
            response["Content-Length"] = str(end - start + 1)
        # Inline, so that browsers open their PDF viewer; the filename is used when saving.
        response["Content-Disposition"] = content_disposition_header(False, filename)
        response["Accept-Ranges"] = "bytes"
        # Browsers and shared caches revalidate (a cheap 304), so a replaced file shows at once.
        patch_cache_control(response, no_cache=True)
        return response

    return respond(request)


def requested_range(request, size: int, etag: str, last_modified: int):
    """(start, end) of a single satisfiable byte range, None for the whole file, or
    "unsatisfiable"."""
    header = request.META.get("HTTP_RANGE", "").strip()
    match = RANGE_RE.match(header)
    if not match or size == 0:
        return None
    # If-Range: only send the part when the client's copy is still the current file.
    if_range = request.META.get("HTTP_IF_RANGE", "").strip()
    if if_range:
        if if_range.startswith(('"', "W/")):
            if if_range != etag:
                return None
        elif parse_http_date_safe(if_range) != last_modified:
            return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size:
        return "unsatisfiable"
    if end < start:
        return None  # syntactically invalid: ignore the header
    return start, end


def file_slice(document, start: int, length: int):
    with document.file.storage.open(document.file.name, "rb") as f:
        f.seek(start)
        while length > 0:
            chunk = f.read(min(CHUNK_SIZE, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
