"""Deployment files: docker-compose.yml, Dockerfile and .dockerignore agree with each other and the settings.

There is no Docker engine in CI, so these tests read the files; none of them needs a database.
"""

import importlib
import json
import re
import shlex
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.utils.module_loading import import_string

ROOT = Path(__file__).resolve().parent.parent
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
APP_SERVICES = ("web", "worker", "beat")
BACKING_SERVICES = ("postgres", "redis", "elasticsearch")
REQUIRED_APP_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DATABASE_OWNER_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "STRIPE_SECRET_KEY",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "EMAIL_URL",
}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def app_environment(services) -> dict:
    return services["web"]["environment"]


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    text = (ROOT / "Dockerfile").read_text()
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    instructions = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            instructions.append((keyword.upper(), " ".join(arguments.split())))
    return instructions


def _instructions(dockerfile, keyword: str) -> list[str]:
    return [arguments for instruction, arguments in dockerfile if instruction == keyword]


def _dockerfile_env(dockerfile) -> dict[str, str]:
    pairs = [item for arguments in _instructions(dockerfile, "ENV") for item in shlex.split(arguments)]
    return dict(pair.split("=", 1) for pair in pairs)


def _command(service: dict) -> str:
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


# --- docker-compose.yml ----------------------------------------------------------------------


def test_compose_defines_the_six_services_and_no_version_key(compose, services):
    assert set(services) == {*APP_SERVICES, *BACKING_SERVICES}
    assert "version" not in compose


def test_app_services_share_one_image_environment_and_var_volume(compose, services):
    web = services["web"]
    assert web["build"] == {"context": ".", "dockerfile": "Dockerfile"}
    for name in ("worker", "beat"):
        assert services[name]["build"] == web["build"]
        assert services[name]["image"] == web["image"]
        assert services[name]["environment"] == web["environment"]
    assert "app-var:/app/var" in web["volumes"]
    assert "app-var:/app/var" in services["worker"]["volumes"]
    assert "app-var" in compose["volumes"]


def test_every_named_volume_a_service_mounts_is_declared(compose, services):
    used = {
        mount.split(":", 1)[0]
        for service in services.values()
        for mount in service.get("volumes", [])
        if not mount.startswith((".", "/"))
    }
    assert used == set(compose["volumes"])


def test_app_environment_has_every_variable_production_needs(app_environment):
    assert REQUIRED_APP_VARIABLES <= set(app_environment)
    assert app_environment["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"
    # Compose refuses to start without a secret rather than falling back to one.
    assert app_environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")


def test_app_environment_interpolates_only_its_own_name(app_environment):
    # STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY:-}, never a mistyped or swapped variable.
    for name, value in app_environment.items():
        for interpolated in re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)", str(value)):
            assert interpolated == name, f"{name} interpolates ${{{interpolated}}}"


def test_app_environment_names_are_read_by_the_settings(app_environment):
    # DJANGO_SETTINGS_MODULE is read by Django itself, DATABASE_OWNER_URL by the entrypoint.
    settings_source = "\n".join(
        path.read_text() for path in sorted((ROOT / "marketplace" / "settings").glob("*.py"))
    )
    entrypoint = ENTRYPOINT.read_text()
    unread = [
        name
        for name in app_environment
        if name != "DJANGO_SETTINGS_MODULE"
        and f'"{name}"' not in settings_source
        and f"${{{name}" not in entrypoint
    ]
    assert unread == []


def test_service_urls_name_services_in_the_file(services, app_environment):
    database = urlsplit(app_environment["DATABASE_URL"])
    owner = urlsplit(app_environment["DATABASE_OWNER_URL"])
    postgres = services["postgres"]["environment"]
    for url in (database, owner):
        assert (url.scheme, url.hostname, url.port) == ("postgres", "postgres", 5432)
        assert url.path == "/" + postgres["POSTGRES_DB"]
    # Migrations run as the owner postgres creates; the app connects as its own role.
    assert (owner.username, owner.password) == (postgres["POSTGRES_USER"], postgres["POSTGRES_PASSWORD"])
    assert database.username not in ("", None, owner.username, "postgres")
    assert database.password

    redis = urlsplit(app_environment["REDIS_URL"])
    assert (redis.scheme, redis.hostname, redis.port) == ("redis", "redis", 6379)

    search = urlsplit(app_environment["ELASTICSEARCH_URL"])
    assert (search.scheme, search.hostname, search.port) == ("http", "elasticsearch", 9200)

    assert {database.hostname, redis.hostname, search.hostname} <= set(services)


def test_backing_services_and_web_have_healthchecks(services):
    for name in (*BACKING_SERVICES, "web"):
        assert services[name]["healthcheck"]["test"], name
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    assert services["redis"]["healthcheck"]["test"] == ["CMD", "redis-cli", "ping"]
    assert "_cluster/health" in " ".join(services["elasticsearch"]["healthcheck"]["test"])


def test_web_healthcheck_calls_healthz_with_an_allowed_host(services, app_environment):
    assert services["web"]["healthcheck"]["test"] == [
        "CMD",
        "curl",
        "-fsS",
        "-H",
        "Host: localhost",
        "http://127.0.0.1:8000/healthz",
    ]
    # production.py reads ALLOWED_HOSTS with no default; localhost must stay in it whatever is set.
    assert app_environment["ALLOWED_HOSTS"].split(",")[:2] == ["localhost", "127.0.0.1"]
    # /healthz is answered over plain HTTP only when it is exempt from the HTTPS redirect.
    production = (ROOT / "marketplace" / "settings" / "production.py").read_text()
    assert 'SECURE_REDIRECT_EXEMPT = [r"^healthz$"]' in production


def test_worker_and_beat_replace_the_images_http_healthcheck(services):
    worker_check = " ".join(services["worker"]["healthcheck"]["test"])
    assert "celery -A marketplace inspect ping" in worker_check
    assert "healthz" not in worker_check
    assert services["beat"]["healthcheck"] == {"disable": True}


def test_web_waits_for_healthy_backing_services(services):
    assert services["web"]["depends_on"] == {
        name: {"condition": "service_healthy"} for name in BACKING_SERVICES
    }


def test_worker_and_beat_wait_for_healthy_postgres_redis_and_web(services):
    # web turns healthy only after it has migrated and granted the app role they connect as.
    for name in ("worker", "beat"):
        depends_on = services[name]["depends_on"]
        assert depends_on["postgres"] == {"condition": "service_healthy"}, name
        assert depends_on["redis"] == {"condition": "service_healthy"}, name
        assert depends_on["web"] == {"condition": "service_healthy"}, name


def test_web_runs_the_entrypoints_serve_on_the_published_port(services):
    # docker/entrypoint.sh serve: migrate as the owner, then gunicorn on 0.0.0.0:8000.
    web = services["web"]
    assert web["command"] == ["serve"]
    assert web["ports"] == ["8000:8000"]


def test_worker_and_beat_commands(services):
    assert _command(services["worker"]).startswith("celery -A marketplace worker ")
    beat = _command(services["beat"])
    assert beat.startswith("celery -A marketplace beat ")
    # The schedule file must be on the writable volume: the app user cannot write /app.
    assert "--schedule /app/var/celerybeat-schedule" in beat


def test_elasticsearch_is_version_8_single_node_without_security(services):
    elasticsearch = services["elasticsearch"]
    repository, tag = elasticsearch["image"].rsplit(":", 1)
    assert repository == "docker.elastic.co/elasticsearch/elasticsearch"
    assert tag.split(".")[0] == "8"
    assert elasticsearch["environment"]["discovery.type"] == "single-node"
    assert elasticsearch["environment"]["xpack.security.enabled"] == "false"


def test_elasticsearch_client_major_matches_the_server(services):
    requirements = (ROOT / "requirements.txt").read_text()
    client = re.search(r"^elasticsearch==(\d+)\.", requirements, re.MULTILINE)
    assert client is not None
    server_tag = services["elasticsearch"]["image"].rsplit(":", 1)[1]
    assert client.group(1) == server_tag.split(".")[0] == "8"


def test_postgres_and_redis_images(services):
    assert services["postgres"]["image"] == "postgres:15"
    assert services["redis"]["image"] == "redis:7-alpine"


# --- Dockerfile ------------------------------------------------------------------------------


def test_dockerfile_base_image_user_and_port(dockerfile):
    assert _instructions(dockerfile, "FROM") == ["python:3.11-slim-bookworm"]
    assert _instructions(dockerfile, "USER") == ["app"]
    assert _instructions(dockerfile, "EXPOSE") == ["8000"]
    assert _instructions(dockerfile, "VOLUME") == ['["/app/var"]']


def test_dockerfile_runs_the_entrypoint_and_serves_by_default(dockerfile):
    (entrypoint,) = _instructions(dockerfile, "ENTRYPOINT")
    (cmd,) = _instructions(dockerfile, "CMD")
    assert json.loads(entrypoint) == ["/bin/sh", "/app/docker/entrypoint.sh"]
    assert json.loads(cmd) == ["serve"]
    # COPY . . puts the script at /app/docker/entrypoint.sh (WORKDIR /app).
    assert _instructions(dockerfile, "WORKDIR") == ["/app"]
    assert "docker" not in (ROOT / ".dockerignore").read_text().split()
    assert ENTRYPOINT.is_file()


def test_dockerfile_environment_selects_production_settings(dockerfile):
    env = _dockerfile_env(dockerfile)
    assert env["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert env["PYTHONUNBUFFERED"] == "1"
    # Static files live in the image, not on the /app/var volume, which keeps an old copy.
    assert not env["STATIC_ROOT"].startswith("/app/var")
    # The build-time secret is given to collectstatic only, never baked into the image.
    assert "DJANGO_SECRET_KEY" not in env
    assert "ALLOWED_HOSTS" not in env


def test_dockerfile_installs_requirements_before_copying_the_project(dockerfile):
    copies = _instructions(dockerfile, "COPY")
    runs = _instructions(dockerfile, "RUN")
    assert copies == ["requirements.txt constraints.txt ./", ". ."]
    assert "pip install --no-cache-dir -r requirements.txt" in runs
    steps = [f"{instruction} {arguments}" for instruction, arguments in dockerfile]
    assert steps.index("COPY requirements.txt constraints.txt ./") < steps.index(
        "RUN pip install --no-cache-dir -r requirements.txt"
    )
    assert steps.index("RUN pip install --no-cache-dir -r requirements.txt") < steps.index("COPY . .")


def test_dockerfile_collects_static_files_with_a_build_only_secret(dockerfile):
    (collectstatic,) = [run for run in _instructions(dockerfile, "RUN") if "collectstatic" in run]
    assert "python manage.py collectstatic --noinput" in collectstatic
    assert collectstatic.startswith("DJANGO_SECRET_KEY=")
    assert "ALLOWED_HOSTS=" in collectstatic


def test_dockerfile_collects_with_the_storage_production_serves_from(dockerfile, monkeypatch):
    # Production's manifest storage answers 500 for a page whose static file has no manifest
    # entry, so the build must collect with production settings into the STATIC_ROOT it serves.
    # (Collecting for real takes minutes here: ~2,200 files hashed and compressed.)
    steps = [f"{instruction} {arguments}" for instruction, arguments in dockerfile]
    (collect_step,) = [index for index, step in enumerate(steps) if "collectstatic" in step]
    env_before = {}
    for step in steps[:collect_step]:
        if step.startswith("ENV "):
            env_before.update(pair.split("=", 1) for pair in shlex.split(step[4:]))
    assert env_before["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"
    assert env_before["STATIC_ROOT"] == _dockerfile_env(dockerfile)["STATIC_ROOT"]
    assert "DJANGO_SETTINGS_MODULE=" not in steps[collect_step]
    assert "STATIC_ROOT=" not in steps[collect_step]

    monkeypatch.setenv("DJANGO_SECRET_KEY", "deployment-test")
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost")
    production = importlib.reload(importlib.import_module("marketplace.settings.production"))
    storage = import_string(production.STORAGES["staticfiles"]["BACKEND"])
    assert issubclass(storage, ManifestFilesMixin)
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in production.MIDDLEWARE


# --- docker/entrypoint.sh, run with stand-ins for python, gunicorn and celery -------------------

APP_URL = "postgres://ordos_app:app@postgres:5432/ordos"
OWNER_URL = "postgres://ordos:owner@postgres:5432/ordos"


@pytest.fixture
def run_entrypoint(tmp_path):
    """Run the entrypoint with stub commands that log their arguments and database URLs."""
    log = tmp_path / "calls.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("python", "gunicorn", "celery"):
        stub = bin_dir / name
        stub.write_text(
            "#!/bin/sh\n"
            f'echo "{name} $* | DATABASE_URL=$DATABASE_URL'
            f' APP_DATABASE_URL=${{APP_DATABASE_URL:-}}" >> {log}\n'
        )
        stub.chmod(0o755)

    def run(*args: str, **env: str) -> list[str]:
        environment = {"PATH": f"{bin_dir}:/usr/bin:/bin", "DATABASE_URL": APP_URL, **env}
        subprocess.run(["sh", str(ENTRYPOINT), *args], env=environment, check=True, timeout=10)
        return log.read_text().splitlines() if log.exists() else []

    return run


def test_serve_migrates_as_the_owner_grants_the_app_role_then_serves_as_the_app(run_entrypoint):
    calls = run_entrypoint("serve", DATABASE_OWNER_URL=OWNER_URL)

    assert calls == [
        f"python manage.py migrate --noinput | DATABASE_URL={OWNER_URL} APP_DATABASE_URL=",
        f"python manage.py grant_app_role | DATABASE_URL={OWNER_URL} APP_DATABASE_URL={APP_URL}",
        "gunicorn marketplace.wsgi:application --bind 0.0.0.0:8000 --workers 3 --access-logfile - "
        f"| DATABASE_URL={APP_URL} APP_DATABASE_URL=",
    ]


def test_migrate_alone_is_a_job_that_starts_no_server(run_entrypoint):
    calls = run_entrypoint("migrate", DATABASE_OWNER_URL=OWNER_URL)

    assert [call.split(" |")[0] for call in calls] == [
        "python manage.py migrate --noinput",
        "python manage.py grant_app_role",
    ]


def test_serve_can_leave_migrations_to_a_job(run_entrypoint):
    calls = run_entrypoint("serve", DATABASE_OWNER_URL=OWNER_URL, MIGRATE_ON_START="false")

    assert [call.split(" ")[0] for call in calls] == ["gunicorn"]


def test_without_an_owner_url_one_role_migrates_and_grants_nothing(run_entrypoint):
    calls = run_entrypoint("serve")

    assert [call.split(" |")[0] for call in calls[:-1]] == ["python manage.py migrate --noinput"]
    assert calls[-1].startswith("gunicorn ")


def test_other_commands_run_as_given_as_the_app_role(run_entrypoint):
    calls = run_entrypoint("celery", "-A", "marketplace", "worker", DATABASE_OWNER_URL=OWNER_URL)

    assert calls == [f"celery -A marketplace worker | DATABASE_URL={APP_URL} APP_DATABASE_URL="]


def test_dockerfile_healthcheck_calls_healthz(dockerfile):
    (healthcheck,) = _instructions(dockerfile, "HEALTHCHECK")
    assert "CMD curl -fsS -H 'Host: localhost' http://127.0.0.1:8000/healthz" in healthcheck


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", ".git", ".env", ".pytest_cache", ".ruff_cache", "node_modules"} <= ignored
    assert {"**/__pycache__", "**/*.pyc"} <= ignored
