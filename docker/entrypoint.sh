#!/bin/sh
# The image's entrypoint. The web and workers connect as DATABASE_URL, a role with data rights
# only (manage.py grant_app_role); migrations need the tables' owner, DATABASE_OWNER_URL.
#   serve     migrate as the owner (skip with MIGRATE_ON_START=false), then gunicorn: the CMD
#   migrate   migrate as the owner and grant the app role, then exit: a one-off release job
#   other     run as given (celery ..., python manage.py ...) as the app role
set -eu

migrate() {
    if [ -z "${DATABASE_OWNER_URL:-}" ]; then
        # One role for everything (a single-user database): migrate as the app.
        echo "entrypoint: DATABASE_OWNER_URL is not set; migrating as DATABASE_URL" >&2
        python manage.py migrate --noinput
        return
    fi
    # Read before the prefix assignment below: sh may expand it after DATABASE_URL is replaced.
    app_url="$DATABASE_URL"
    DATABASE_URL="$DATABASE_OWNER_URL" python manage.py migrate --noinput
    DATABASE_URL="$DATABASE_OWNER_URL" APP_DATABASE_URL="$app_url" python manage.py grant_app_role
}

case "${1:-serve}" in
    migrate)
        migrate
        ;;
    serve)
        if [ "${MIGRATE_ON_START:-true}" != "false" ]; then
            migrate
        fi
        exec gunicorn marketplace.wsgi:application --bind 0.0.0.0:8000 \
            --workers "${GUNICORN_WORKERS:-3}" --access-logfile -
        ;;
    *)
        exec "$@"
        ;;
esac
