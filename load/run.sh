#!/usr/bin/env bash
# `make load`: 200 learners for 60 s against gunicorn (production settings, 127.0.0.1 only)
# and PostgreSQL (database course_load). Stops every process it started, however it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT="${LOAD_PORT:-8001}"
USERS="${LOAD_USERS:-200}"
DURATION="${LOAD_DURATION:-60s}"
OUT="${LOAD_OUT:-.cache/load}"
mkdir -p "$OUT"

export DJANGO_SETTINGS_MODULE=load.settings
export DJANGO_SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=false   # plain HTTP on loopback, as behind a TLS proxy
export DJANGO_TRUSTED_PROXY_COUNT=0
export DJANGO_CACHE_DIR="$PWD/$OUT/cache"
export DATABASE_URL="${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/course_load}"
export LOAD_PLAN="$OUT/plan.json"

GUNICORN_PID=""
cleanup() {
  if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID"   # the master stops its workers
    for _ in $(seq 1 50); do kill -0 "$GUNICORN_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$GUNICORN_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

echo "== database ${DATABASE_URL##*/}: create if missing, migrate, load the course, $USERS learners"
$PY - <<'PYTHON'
import os
import psycopg
name = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", autocommit=True) as db:
    if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        db.execute(f'CREATE DATABASE "{name}"')
PYTHON
$PY manage.py migrate --no-input -v0
$PY manage.py load_course -v0
$PY manage.py collectstatic --no-input -v0
$PY load/prepare.py "$USERS" "$LOAD_PLAN"

echo "== gunicorn on 127.0.0.1:$PORT (4 sync workers)"
.venv/bin/gunicorn course.wsgi --bind "127.0.0.1:$PORT" --workers 4 --log-level warning \
  --error-logfile "$OUT/gunicorn.log" &
GUNICORN_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || { echo "gunicorn did not start:"; cat "$OUT/gunicorn.log"; exit 1; }
  sleep 0.2
done

echo "== locust: $USERS learners for $DURATION (spawn 10/s)"
status=0
.venv/bin/locust -f load/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users "$USERS" --spawn-rate 10 --run-time "$DURATION" --stop-timeout 10 \
  --csv "$OUT/locust" --only-summary --loglevel WARNING || status=$?
echo "== results in $OUT/locust_stats.csv (exit $status; non-zero when any request failed)"
exit "$status"
