# The portal's production image: one image for the web servers and the background-job worker.
#   docker build -t earlyhelp .
#   docker compose up          (compose.yaml: PostgreSQL, Redis, two web servers and a worker)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    LOG_FORMAT=json \
    PORT=8000

WORKDIR /app

COPY requirements/base.txt requirements/base.txt
RUN pip install -r requirements/base.txt

COPY . .

# Static files collected at build time (WhiteNoise serves them, compressed, from every web server). The key
# and hosts here exist only for this step; the running container must be given its own.
RUN SECRET_KEY=build-only-collectstatic-key-0123456789abcdefghijklmnopqrstuvwxyz \
    ALLOWED_HOSTS=build.invalid python manage.py collectstatic --noinput \
 && useradd --create-home --uid 10001 portal \
 && mkdir -p /app/media && chown portal:portal /app/media

USER portal

EXPOSE 8000

# /healthz: database and cache reachable, migrations applied (portal/health.py). Sent as the first allowed
# host over "https" (as the load balancer would), so the SSL redirect and host check let it through.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(urllib.request.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': os.environ['ALLOWED_HOSTS'].split(',')[0], 'X-Forwarded-Proto': 'https'}), timeout=4)"

# The web server; the worker runs the same image with: python manage.py db_worker
CMD ["sh", "-c", "exec gunicorn portal.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_WORKERS:-3} --timeout 60 --access-logfile -"]
