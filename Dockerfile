# Production image: gunicorn serves Django on :8000, whitenoise serves the static files collected
# at build (production's manifest storage answers 500 for any page whose static file is missing).
# The same image runs the Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=marketplace.settings.production \
    VAR_DIR=/app/var \
    STATIC_ROOT=/app/staticfiles

# curl for the health check; Pango and CJK fonts for WeasyPrint PDFs, HarfBuzz's subsetter so a
# PDF embeds only the CJK glyphs it uses in milliseconds, not seconds (psycopg[binary] bundles libpq).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        curl \
        fonts-noto-cjk \
        libharfbuzz-subset0 \
        libpango-1.0-0 \
        libpangoft2-1.0-0 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt

# The code stays owned by root; the app user writes only to /app/var.
COPY . .

# STATIC_ROOT is outside the /app/var volume, so every new image serves its own static files.
# The secret and hosts below exist only for this command; they are not kept in the image.
RUN DJANGO_SECRET_KEY=collectstatic-build-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media /app/var/private \
    && chown -R app:app /app/var

USER app
VOLUME ["/app/var"]
EXPOSE 8000

# /healthz is exempt from the HTTPS redirect; ALLOWED_HOSTS must include localhost.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS -H 'Host: localhost' http://127.0.0.1:8000/healthz || exit 1

# serve: migrate as the owner (DATABASE_OWNER_URL), then gunicorn as the app role (DATABASE_URL);
# migrate: the same migration step alone, for a release job. Anything else runs as given.
ENTRYPOINT ["/bin/sh", "/app/docker/entrypoint.sh"]
CMD ["serve"]
