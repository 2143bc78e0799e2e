"""Production settings refuse to start without their required environment variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "resilient_vejle.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-test-secret-that-is-long-enough-0123456789",
    "DJANGO_ALLOWED_HOSTS": "resilient.example.org",
    "DJANGO_MEDIA_ROOT": "/tmp/resilient-vejle-media",
    "DJANGO_STATIC_ROOT": "/tmp/resilient-vejle-static",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "REDIS_URL"])
def test_production_refuses_to_start_without_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production." in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_runs_on_local_memory_only_when_told_to():
    """Without Redis each process has its own cache: allowed for a single process, explicitly."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "REDIS_URL"}
    show = ["shell", "-c", "from django.conf import settings; print(settings.CACHES['default'])"]
    result = run_manage(*show, env={**env, "DJANGO_CACHE": "local"})
    assert result.returncode == 0, result.stderr
    assert "LocMemCache" in result.stdout
    result = run_manage(*show, env=PRODUCTION_ENV)
    assert "RedisCache" in result.stdout and "redis://127.0.0.1:6379/0" in result.stdout


@pytest.mark.parametrize("value", ["-1", "zwei", "1.5", "", "1 2", "١"])
def test_production_refuses_a_proxy_count_that_is_not_a_whole_number(value):
    result = run_manage("check", env={**PRODUCTION_ENV, "DJANGO_PROXY_COUNT": value})
    assert result.returncode != 0
    assert "DJANGO_PROXY_COUNT must be a whole number" in result.stderr


def test_production_reads_the_proxy_count():
    show = ["shell", "-c", "from django.conf import settings; print(settings.PROXY_COUNT)"]
    assert run_manage(*show, env=PRODUCTION_ENV).stdout.splitlines()[-1] == "1"  # nginx alone
    result = run_manage(*show, env={**PRODUCTION_ENV, "DJANGO_PROXY_COUNT": " 2 "})
    assert result.stdout.splitlines()[-1] == "2", result.stderr


BUCKET_ENV = {
    "DJANGO_S3_BUCKET": "resiliente-vejle-media",
    "DJANGO_S3_ENDPOINT_URL": "https://s3.example.org",
    "DJANGO_S3_REGION": "eu-north-1",
    "AWS_ACCESS_KEY_ID": "example-key",
    "AWS_SECRET_ACCESS_KEY": "example-secret",
}


@pytest.mark.parametrize(
    ("left_out", "message"),
    [
        ("DJANGO_S3_BUCKET", "set without DJANGO_S3_BUCKET"),
        ("AWS_ACCESS_KEY_ID", "needs both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
        ("AWS_SECRET_ACCESS_KEY", "needs both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"),
    ],
)
def test_production_refuses_a_half_configured_bucket(left_out, message):
    env = {**PRODUCTION_ENV, **{k: v for k, v in BUCKET_ENV.items() if k != left_out}}
    clean = {k: "" for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") if k == left_out}
    result = run_manage("check", env={**env, **clean})
    assert result.returncode != 0
    assert message in result.stderr


def test_production_keeps_media_in_the_bucket_without_a_media_root():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_MEDIA_ROOT"}
    show = [
        "shell",
        "-c",
        "from django.core.files.storage import storages; "
        "print(type(storages['default']).__name__, type(storages['documents']).__name__)",
    ]
    result = run_manage(*show, env={**env, **BUCKET_ENV})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "PublicMediaStorage PrivateMediaStorage"
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env={**env, **BUCKET_ENV})
    assert result.returncode == 0, result.stdout + result.stderr
    # Without the bucket, the disk: DJANGO_MEDIA_ROOT is required again.
    result = run_manage("check", env=env)
    assert "The environment variable DJANGO_MEDIA_ROOT must be set in production." in result.stderr
