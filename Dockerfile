# devicebot: the Discord bot and its HTTP service (health, metrics, API, knowledge pages).
# docker build -t devicebot . && docker run -e DISCORD_TOKEN=… -v devicebot:/data -p 8080:8080 devicebot
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DEVICEBOT_DB=/data/devicebot.db \
    DEVICEBOT_HTTP_HOST=0.0.0.0 \
    DEVICEBOT_HTTP_PORT=8080

WORKDIR /app
COPY pyproject.toml README.md hatch_build.py ./
COPY bot ./bot
COPY knowledge ./knowledge

# Versions are bounded in pyproject.toml; the knowledge ships inside the installed package, seeded
# into a database and indexed by the build hook (hatch_build.py).
# hadolint ignore=DL3013
RUN pip install .

RUN useradd --create-home --uid 10001 devicebot && mkdir -p /data && chown devicebot /data
USER 10001
VOLUME ["/data"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('DEVICEBOT_HTTP_PORT', '8080'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=4).status == 200 else 1)"]

CMD ["devicebot", "run"]
