"""Reading and serving document files: page counts, and downloads that PDF viewers can resume.

Wagtail's own document view answers no `Range` and reads a file from a bucket whole into
memory, and no maintained Django package does byte ranges, so the ranged, streamed response is
written here (RFC 9110 §14, single ranges only: a multi-range request gets the whole file,
which the RFC allows) and serves both /documents/… and the strategy's stable addresses.
"""

import itertools
import re

from csp.constants import NONE
from csp.decorators import csp
from django.http import Http404, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header, parse_http_date_safe
from django.views.decorators.http import condition, require_safe
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

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


def serve_document(request, document, filename: str, inline: bool = True):
    """The document's file with ETag/Last-Modified (304 on revalidation), HEAD and Range,
    streamed from its storage (the disk, or a private object in the bucket) in chunks."""
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
        else:
            start, end = byte_range or (0, size - 1)
            response = StreamingHttpResponse(
                opened_stream(document, start, end - start + 1),
                status=200 if byte_range is None else 206,
                content_type=document.content_type,
            )
            response["Content-Length"] = str(end - start + 1)
            if byte_range is not None:
                response["Content-Range"] = f"bytes {start}-{end}/{size}"
        # Inline for PDFs, so that browsers open their viewer; the filename is used when saving.
        response["Content-Disposition"] = content_disposition_header(not inline, filename)
        response["Accept-Ranges"] = "bytes"
        # Browsers and shared caches revalidate (a cheap 304), so a replaced file shows at once.
        patch_cache_control(response, no_cache=True)
        return response

    return respond(request)


def opened_stream(document, start: int, length: int):
    """The chunks of the file's bytes [start, start + length), with the file already opened:
    a storage that is down fails here, before the response starts (a 503 page, see
    core.views.server_error), not halfway through a download."""
    if length <= 0:
        return iter(())
    chunks = document.file.storage.stream(document.file.name, start, length)
    first = next(chunks, b"")
    return itertools.chain([first], chunks)


@csp({"default-src": [NONE]})  # Wagtail's policy for documents: nothing in a file may run
@require_safe
def document_view(request, document_id: int, document_filename: str):
    """/documents/<id>/<filename>: Wagtail's document view (its permission hooks, collection
    view restrictions and the document_served signal), serving the file as serve_document does.

    Wagtail's own view reads a file from a bucket whole into memory, without Range.
    """
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404("This document does not match the given filename.")
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponseBase):
            return result
    document_served.send(sender=type(document), instance=document, request=request)
    inline = document.content_disposition == "inline"
    return serve_document(request, document, document.filename, inline=inline)


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
