"""The project's rules for infra/compose.yaml, beyond the Compose Specification's schema (checked before this).

Usage: python compose_rules.py <compose.yaml> <nginx.conf>   Exit 1 with one line per finding.
"""
import re
import sys

import yaml

SECRET_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|_KEY)$")
REQUIRED_VAR = re.compile(r"^\$\{[A-Z0-9_]+:\?[^}]*\}$")
CREDENTIALS_IN_URL = re.compile(r"//[^/@\s:]*:(\$\{[^}]*\}|[^/@\s]+)@")
APP_IMAGE = "dossier-tracker"


def findings(compose: dict, nginx_conf: str) -> list[str]:
    out: list[str] = []
    services: dict = compose.get("services") or {}
    secrets = set((compose.get("secrets") or {}).keys())
    volumes = set((compose.get("volumes") or {}).keys())
    for name, service in services.items():
        where = f"services.{name}"
        image = str(service.get("image", ""))
        if ":" not in image or image.endswith(":latest"):
            out.append(f"{where}: image {image!r} is not pinned to a version")
        for key, value in environment(service).items():
            value = "" if value is None else str(value)
            if SECRET_NAME.search(key) and value and not REQUIRED_VAR.match(value):
                out.append(f"{where}.environment.{key}: a secret must come from the environment as ${{VAR:?message}}")
            match = None if REQUIRED_VAR.match(value) else CREDENTIALS_IN_URL.search(value)
            if match and not match.group(1).startswith("${"):
                out.append(f"{where}.environment.{key}: the URL's password must come from the environment (${{VAR:?}})")
        depends = service.get("depends_on") or {}
        if isinstance(depends, list):
            out.append(f"{where}.depends_on: use the long form with a condition for each dependency")
            depends = {d: {} for d in depends}
        for dependency, options in depends.items():
            if dependency not in services:
                out.append(f"{where}.depends_on: {dependency!r} is not a service of this file")
            elif not (options or {}).get("condition"):
                out.append(f"{where}.depends_on.{dependency}: no condition")
        for secret in service.get("secrets") or []:
            source = secret if isinstance(secret, str) else secret.get("source")
            if source not in secrets:
                out.append(f"{where}.secrets: {source!r} is not declared under the top-level secrets")
        for volume in service.get("volumes") or []:
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source", "")
            if source and not source.startswith((".", "/", "~")) and source not in volumes:
                out.append(f"{where}.volumes: {source!r} is not declared under the top-level volumes")
        long_running = service.get("restart") != "no"
        if long_running and not (service.get("healthcheck") or {}).get("test"):
            out.append(f"{where}: no healthcheck")
        if image.split(":")[0].endswith(APP_IMAGE) and not service.get("read_only"):
            out.append(f"{where}: the app's container should have a read-only root file system (read_only: true)")
    for host in upstream_hosts(nginx_conf):
        if host not in services:
            out.append(f"nginx.conf: upstream server {host!r} is not a service of the compose file")
    return out


def environment(service: dict) -> dict:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def upstream_hosts(nginx_conf: str) -> list[str]:
    """The host names of the `server host:port` lines inside the upstream blocks."""
    hosts = []
    for block in re.findall(r"upstream\s+\w+\s*\{([^}]*)\}", nginx_conf):
        hosts += re.findall(r"^\s*server\s+([A-Za-z][\w.-]*):\d+", block, re.M)
    return hosts


if __name__ == "__main__":
    compose_file, nginx_file = sys.argv[1], sys.argv[2]
    with open(compose_file, encoding="utf-8") as f:
        compose = yaml.safe_load(f)
    with open(nginx_file, encoding="utf-8") as f:
        nginx = f.read()
    problems = findings(compose, nginx)
    for problem in problems:
        print(f"{compose_file}: {problem}")
    if not problems:
        print(f"{compose_file}: ok (secrets from the environment, dependencies with conditions, health checks)")
    sys.exit(1 if problems else 0)
