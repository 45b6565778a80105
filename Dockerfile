# syntax=docker/dockerfile:1
# Build stage: wheels for every pinned requirement.
FROM python:3.12-slim AS build
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

# Runtime stage: no compilers, a non-root user, waitress behind the load balancer.
FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DEBUG=0 \
    PORT=8000
RUN useradd --create-home --uid 10001 clausewise
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY --chown=clausewise:clausewise . .
# collectstatic needs a key to import settings; the real one comes from the environment at run time.
RUN SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=localhost ALLOW_SQLITE=1 python manage.py collectstatic --no-input -v0
USER clausewise
EXPOSE 8000
# waitress buffers whole requests before a worker thread sees them: slow clients hold a socket, not a worker.
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py createcachetable && exec python -m config.serve --host 0.0.0.0 --port ${PORT}"]
