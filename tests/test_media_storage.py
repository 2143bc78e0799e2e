"""Media on S3-compatible storage (DJANGO_S3_BUCKET), against moto's S3 API server in its own
process on loopback (tests/s3.py): every upload lands in the bucket and nothing on the disk;
images are public with far-future caching, documents private and served by the site's views
(ETag, Range, permissions, streamed); a bucket that is down gives editors a form error and
visitors a 503, never a 500."""

import hashlib
import io
import os
import tracemalloc
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from strategy.models import ProjectPage
from tests.factories import make_site_tree, pdf_bytes, recreate_wagtail_defaults
from tests.s3 import S3Server, files_below, keep_media_in
from tests.servers import get, start_gunicorn
from tests.test_backup_restore import run_manage
from tests.test_editorial import make_user

Document = get_document_model()
Image = get_image_model()
YEAR = "max-age=31536000"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


def anonymous_get(url: str):
    """(status, headers, body) of a plain GET without keys, as a browser fetches an image."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def upload_image(client, title: str, filename: str):
    image_file = get_test_image_file(filename=filename, size=(1400, 900))
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": ContentFile(image_file.file.getvalue(), name=filename),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": f"{title}, set fra vandet",
            "description_en": "",
        },
    )


def upload_document(client, title: str, filename: str, content: bytes, collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": ContentFile(content, name=filename),
            "collection": (collection or Collection.get_first_root_node()).pk,
            "tags": "",
        },
    )


def show_on_project(image) -> ProjectPage:
    project = ProjectPage.objects.order_by("path").first()
    block = ("image", {"image": image, "caption": "", "decorative": False})
    project.body_da = [block]
    project.body_en = [block]
    project.save_revision().publish()
    return project


def image_addresses(html: str) -> list[str]:
    """Every image address a browser would load from the page (img src, srcset, og:image)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [img["src"] for img in soup.find_all("img") if img.get("src")]
    for source in soup.find_all("source"):
        urls += [part.strip().split(" ")[0] for part in source.get("srcset", "").split(",")]
    urls += [meta["content"] for meta in soup.find_all("meta", property="og:image")]
    return [url for url in urls if url]


@pytest.fixture
def site_in_bucket(media_in_bucket, db):
    recreate_wagtail_defaults()  # an earlier transactional test emptied every table
    call_command("load_initial_content", stdout=io.StringIO())
    return media_in_bucket


def test_every_upload_lands_in_the_bucket_and_nothing_on_the_disk(site_in_bucket, s3_server):
    bucket = site_in_bucket["DJANGO_S3_BUCKET"]
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))

    response = upload_image(editor, "Havnen ved Vejle Å", "havnen-ved-å.png")
    assert response.status_code == 302, response.content.decode()[:2000]
    response = upload_document(editor, "Årsrapport for resiliens", "årsrapport.pdf", pdf_bytes(3))
    assert response.status_code == 302
    image = Image.objects.get(title="Havnen ved Vejle Å")
    document = Document.objects.get(title="Årsrapport for resiliens")
    project = show_on_project(image)
    page = Client().get(project.url)
    assert page.status_code == 200

    assert files_below(Path(settings.MEDIA_ROOT)) == []
    keys = set(s3_server.objects(bucket))
    assert image.file.name in keys and image.file.name.startswith("original_images/havnen-ved-")
    assert document.file.name in keys and document.file.name.startswith("documents/")
    renditions = {r.file.name for r in image.renditions.all()}
    assert renditions and renditions <= keys
    # load_initial_content's placeholder strategy PDFs and default share image (and its
    # 1200×630 rendition, in the page's og:image).
    placeholders = {d.file.name for d in Document.objects.exclude(pk=document.pk)}
    assert len(placeholders) == 2 and placeholders <= keys
    share_images = Image.objects.exclude(pk=image.pk)
    assert {i.file.name for i in share_images} <= keys
    assert any(r.file.name in keys for i in share_images for r in i.renditions.all())

    # The strategy's stable address serves the placeholder PDF from the bucket.
    strategy_pdf = Client().get("/strategien.pdf")
    assert strategy_pdf.status_code == 200
    assert b"".join(strategy_pdf.streaming_content).startswith(b"%PDF")


def test_images_come_from_the_bucket_with_far_future_caching(media_in_bucket, db, s3_server):
    bucket = media_in_bucket["DJANGO_S3_BUCKET"]
    make_site_tree()
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))
    upload_image(editor, "Fjordbyen", "fjordbyen.png")
    upload_image(editor, "Fjordbyen igen", "fjordbyen.png")  # the same file name
    first, second = Image.objects.filter(title__startswith="Fjordbyen").order_by("pk")
    assert first.file.name != second.file.name  # never an address a browser may have kept

    page = Client().get(show_on_project(first).url)
    media = f"{s3_server.endpoint}/{bucket}/"
    addresses = image_addresses(page.content.decode())
    from_bucket = [url for url in addresses if url.startswith(media)]
    assert from_bucket and len(from_bucket) == len(addresses), addresses
    content_types = set()
    for url in from_bucket:
        status, headers, body = anonymous_get(url)
        assert status == 200, url
        assert YEAR in headers["Cache-Control"] and "public" in headers["Cache-Control"]
        content_types.add(headers["Content-Type"])
        assert body
    assert {"image/avif", "image/webp", "image/jpeg"} <= content_types
    # The page's policy lets the browser load them: img-src names the bucket's origin.
    img_src = next(
        d for d in page["Content-Security-Policy"].split(";") if d.strip().startswith("img-src")
    )
    assert s3_server.endpoint in img_src.split()
    # ... and so does the admin's, which shows them as thumbnails.
    admin = editor.get(reverse("wagtailimages:index"))
    assert s3_server.endpoint in admin["Content-Security-Policy"]


def test_documents_are_private_objects_served_by_the_site(media_in_bucket, db, s3_server):
    bucket = media_in_bucket["DJANGO_S3_BUCKET"]
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))
    content = pdf_bytes(4)
    upload_document(editor, "Klimatilpasning på Østerbro", "klimatilpasning-østerbro.pdf", content)
    document = Document.objects.get(title="Klimatilpasning på Østerbro")
    client = s3_server.client()

    # Nobody reads it from the bucket without the keys ...
    plain_url = f"{s3_server.endpoint}/{bucket}/{urllib.parse.quote(document.file.name)}"
    assert anonymous_get(plain_url)[0] == 403
    grants = client.get_object_acl(Bucket=bucket, Key=document.file.name)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI") == ALL_USERS]
    upload_image(editor, "Vejle Å", "vejle-å.png")
    image = Image.objects.get(title="Vejle Å")
    image_grants = client.get_object_acl(Bucket=bucket, Key=image.file.name)["Grants"]
    assert {"Grantee": {"Type": "Group", "URI": ALL_USERS}, "Permission": "READ"} in image_grants

    # ... the site serves it at its address, with ETag, 304 and ranges.
    url = document.url
    assert url.startswith("/documents/")
    response = Client().get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(content))
    etag = response["ETag"]
    assert Client().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    ranged = Client().get(url, HTTP_RANGE="bytes=100-299")
    assert ranged.status_code == 206
    assert ranged["Content-Range"] == f"bytes 100-299/{len(content)}"
    assert b"".join(ranged.streaming_content) == content[100:300]
    tail = Client().get(url, HTTP_RANGE="bytes=-50")
    assert b"".join(tail.streaming_content) == content[-50:]
    assert Client().get(url, HTTP_RANGE=f"bytes={len(content)}-").status_code == 416
    head = Client().head(url)
    assert head.status_code == 200 and head["Content-Length"] == str(len(content))


def test_a_private_collection_s_document_is_refused_to_anonymous_visitors(media_in_bucket, db):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Interne notater – æøå")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))
    content = pdf_bytes(1)
    upload_document(editor, "Intern beredskabsplan", "beredskab.pdf", content, internal)
    document = Document.objects.get(title="Intern beredskabsplan")

    anonymous = Client().get(document.url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    logged_in = editor.get(document.url)
    assert logged_in.status_code == 200
    assert b"".join(logged_in.streaming_content) == content


def test_a_big_document_is_streamed_not_read_into_memory(media_in_bucket, db):
    size = 20 * 1024 * 1024
    content = os.urandom(size)
    document = Document(title="Stort datasæt", file=ContentFile(content, name="måledata.csv"))
    document._set_document_file_metadata()
    document.save()
    # boto3 loads its API models (about 10 MB) once per process and thread: not per download.
    Client().get(document.url, HTTP_RANGE="bytes=0-0")

    tracemalloc.start()
    try:
        response = Client().get(document.url)
        digest = hashlib.sha256()
        received = 0
        for chunk in response.streaming_content:
            digest.update(chunk)
            received += len(chunk)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200 and response.streaming
    assert received == size and digest.hexdigest() == hashlib.sha256(content).hexdigest()
    assert peak < size / 10, f"{peak:,} bytes held for a {size:,}-byte file"


@pytest.fixture
def bucket_that_goes_down(settings, monkeypatch, tmp_path, db):
    """A bucket on a moto server of its own, which the test stops (an S3 outage)."""
    server = S3Server().start()
    keep_media_in(server.bucket_environment(), settings, monkeypatch, tmp_path / "media")
    yield server
    server.stop()


def test_an_upload_while_the_bucket_is_down_is_a_form_error(bucket_that_goes_down):
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))
    bucket_that_goes_down.stop()

    for response in (
        upload_image(editor, "Oversvømmelse på Dæmningen", "dæmningen.png"),
        upload_document(editor, "Beredskabsplan", "beredskab.pdf", pdf_bytes(1)),
    ):
        assert response.status_code == 200
        assert "fillageret ikke svarer lige nu" in response.content.decode()
    assert not Image.objects.filter(title="Oversvømmelse på Dæmningen").exists()
    assert not Document.objects.filter(title="Beredskabsplan").exists()
    assert files_below(Path(settings.MEDIA_ROOT)) == []


def test_a_download_while_the_bucket_is_down_is_a_503(bucket_that_goes_down):
    document = Document.objects.create(
        title="Skybrudsplan", file=ContentFile(pdf_bytes(2), name="skybrudsplan.pdf")
    )
    bucket_that_goes_down.stop()

    response = Client(raise_request_exception=False).get(document.url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "midlertidigt utilgængelig" in response.content.decode()


@pytest.mark.slow  # a restore into a new database, then gunicorn on it
def test_backup_and_restore_bring_the_bucket_back(
    transactional_db, site_in_bucket, s3_server, empty_database, tmp_path
):
    """The archive holds the bucket's objects; restored into an empty database and the
    emptied bucket, images and documents serve again, each with its access as before.
    (Committed: pg_dump reads the database from another process.)"""
    target, _connect = empty_database
    bucket = site_in_bucket["DJANGO_S3_BUCKET"]
    editor = Client()
    editor.force_login(make_user("redaktør", "Editors"))
    upload_image(editor, "Vejle Fjord – ål og ænder", "fjord.png")
    content = pdf_bytes(2)
    upload_document(editor, "Skybrudsplan for Østbyen", "skybrud-østbyen.pdf", content)
    project = show_on_project(Image.objects.get(title="Vejle Fjord – ål og ænder"))
    before = {key: entry["ETag"] for key, entry in s3_server.objects(bucket).items()}

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    s3_server.empty(bucket)
    assert s3_server.objects(bucket) == {}

    media_root = tmp_path / "restored-media"
    restored = run_manage(
        "restore",
        str(archive),
        database_url=target,
        media=media_root,
        **{name: value for name, value in site_in_bucket.items() if name.startswith("DJANGO_")},
    )
    assert restored.returncode == 0, restored.stdout + restored.stderr
    after = {key: entry["ETag"] for key, entry in s3_server.objects(bucket).items()}
    assert after == before  # every object, byte for byte (ETag: its MD5)
    assert files_below(media_root) == []

    client = s3_server.client()
    document = Document.objects.get(title="Skybrudsplan for Østbyen")
    grants = client.get_object_acl(Bucket=bucket, Key=document.file.name)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI") == ALL_USERS]

    url, process = start_gunicorn(target, **site_in_bucket)
    try:
        status, _headers, body, _ = get(url + project.url, headers={"Host": "localhost"})
        assert status == 200
        images = [a for a in image_addresses(body) if "/original_images/" not in a]
        assert images
        for address in images:
            status, headers, _ = anonymous_get(address)
            assert status == 200 and YEAR in headers["Cache-Control"], address
        with urllib.request.urlopen(url + document.url, timeout=10) as response:  # encoded
            assert response.read() == content
    finally:
        process.terminate()
        process.wait(30)


@pytest.mark.django_db(transaction=True)
def test_a_second_server_uses_the_renditions_the_first_made(
    s3_server, s3_bucket, settings, monkeypatch
):
    """Renditions are made once for all servers: the rows in PostgreSQL, the files in the
    bucket, the lookups in Redis ("renditions" cache). A second server (gunicorn, page cache
    off so that it renders the page itself) makes no rendition and writes nothing."""
    from django.core.cache import caches
    from django.db import connection

    redis_url = os.environ.get("DJANGO_TEST_REDIS_URL", "")
    if connection.vendor != "postgresql" or not redis_url:
        pytest.skip("two servers share PostgreSQL and Redis: the PostgreSQL suite with Redis")
    keep_media_in(s3_bucket, settings, monkeypatch, Path(settings.MEDIA_ROOT) / "unused")
    recreate_wagtail_defaults()
    make_site_tree()
    image_file = get_test_image_file(filename="bølgebryder.png", size=(1400, 900))
    image = Image.objects.create(title="Bølgebryderen", file=image_file)
    project = show_on_project(image)
    first = image_addresses(Client().get(project.url).content.decode())
    renditions = list(image.renditions.all())
    assert renditions and first
    cache = caches["renditions"]
    assert all(cache.get(r.get_cache_key()) is not None for r in renditions)  # in Redis
    bucket = s3_bucket["DJANGO_S3_BUCKET"]
    objects = {key: o["LastModified"] for key, o in s3_server.objects(bucket).items()}

    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {"DJANGO_TEST_REDIS_URL": redis_url, "DJANGO_PAGE_CACHE": "off", **s3_bucket}
    url, process = start_gunicorn(database_url, **env)
    try:
        status, headers, body, _ = get(url + project.url, headers={"Host": "localhost"})
    finally:
        process.terminate()
        process.wait(30)
    assert status == 200 and headers.get("X-Page-Cache") != "hit"
    assert image_addresses(body) == first
    assert list(image.renditions.all()) == renditions
    after = {key: o["LastModified"] for key, o in s3_server.objects(bucket).items()}
    assert after == objects  # no object written, none replaced
