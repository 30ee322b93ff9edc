"""Deployment files: docker-compose.yml, Dockerfile and .dockerignore agree with each other and the settings.

There is no Docker engine in CI, so these tests read the files; none of them needs a database.
"""

import json
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("web", "worker", "beat")
BACKING_SERVICES = ("postgres", "redis", "elasticsearch")
REQUIRED_APP_VARIABLES = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
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
    # DJANGO_SETTINGS_MODULE is read by Django itself, not by a settings module.
    settings_source = "\n".join(
        path.read_text() for path in sorted((ROOT / "marketplace" / "settings").glob("*.py"))
    )
    unread = [
        name
        for name in app_environment
        if name != "DJANGO_SETTINGS_MODULE" and f'"{name}"' not in settings_source
    ]
    assert unread == []


def test_service_urls_name_services_in_the_file(services, app_environment):
    database = urlsplit(app_environment["DATABASE_URL"])
    postgres = services["postgres"]["environment"]
    assert (database.scheme, database.hostname, database.port) == ("postgres", "postgres", 5432)
    assert database.username == postgres["POSTGRES_USER"]
    assert database.password == postgres["POSTGRES_PASSWORD"]
    assert database.path == "/" + postgres["POSTGRES_DB"]

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


def test_worker_and_beat_wait_for_healthy_postgres_and_redis(services):
    for name in ("worker", "beat"):
        depends_on = services[name]["depends_on"]
        assert depends_on["postgres"] == {"condition": "service_healthy"}, name
        assert depends_on["redis"] == {"condition": "service_healthy"}, name


def test_web_migrates_then_serves_with_gunicorn_on_the_published_port(services):
    web = services["web"]
    command = _command(web)
    assert command.startswith("sh -c python manage.py migrate --noinput && exec gunicorn ")
    assert "marketplace.wsgi:application" in command
    assert "--bind 0.0.0.0:8000" in command
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


def test_dockerfile_cmd_runs_gunicorn_with_the_wsgi_application(dockerfile):
    (cmd,) = _instructions(dockerfile, "CMD")
    assert json.loads(cmd) == [
        "gunicorn",
        "marketplace.wsgi:application",
        "--bind",
        "0.0.0.0:8000",
        "--workers",
        "3",
        "--access-logfile",
        "-",
    ]


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


def test_dockerfile_healthcheck_calls_healthz(dockerfile):
    (healthcheck,) = _instructions(dockerfile, "HEALTHCHECK")
    assert "CMD curl -fsS -H 'Host: localhost' http://127.0.0.1:8000/healthz" in healthcheck


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", ".git", ".env", ".pytest_cache", ".ruff_cache", "node_modules"} <= ignored
    assert {"**/__pycache__", "**/*.pyc"} <= ignored
