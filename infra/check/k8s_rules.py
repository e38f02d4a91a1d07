"""The project's rules for the rendered Kubernetes manifests, beyond the Kubernetes JSON schemas (checked before).

Usage: python k8s_rules.py <rendered.yaml> <nginx.conf>   Exit 1 with one line per finding.
"""
import re
import sys

import yaml

SECRET_NAME = re.compile(r"(PASSWORD|SECRET|TOKEN|_KEY|DATABASE_URL|SMTP_URL|KAFKA_BROKERS)$")


def findings(documents: list[dict], nginx_conf: str) -> list[str]:
    out: list[str] = []
    by_kind: dict[str, list[dict]] = {}
    for doc in documents:
        by_kind.setdefault(doc["kind"], []).append(doc)
    deployments = by_kind.get("Deployment", [])
    if not deployments:
        out.append("no Deployment")
    for deployment in deployments:
        out += deployment_findings(deployment, by_kind.get("PodDisruptionBudget", []))
    services = {s["metadata"]["name"]: s for s in by_kind.get("Service", [])}
    for service in services.values():
        selector = service["spec"].get("selector", {})
        if not any(selects(selector, pod_labels(d)) for d in deployments):
            out.append(f"Service/{service['metadata']['name']}: its selector matches no Deployment's pods")
    routes: dict[str, str] = {}
    for ingress in by_kind.get("Ingress", []):
        for rule in ingress["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                backend = path["backend"]["service"]
                service = services.get(backend["name"])
                if not service:
                    out.append(f"Ingress/{ingress['metadata']['name']}: {path['path']} goes to no Service")
                elif backend["port"].get("name") not in [p.get("name") for p in service["spec"]["ports"]]:
                    out.append(f"Ingress/{ingress['metadata']['name']}: {path['path']} names no port of its Service")
                routes[path["path"]] = backend["name"]
    for location, upstream in nginx_routes(nginx_conf):
        if routes.get(location) != upstream:
            out.append(f"Ingress: nginx sends {location} to {upstream}, the Ingress to {routes.get(location)}")
    return out


def deployment_findings(deployment: dict, budgets: list[dict]) -> list[str]:
    name = f"Deployment/{deployment['metadata']['name']}"
    out = []
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    if spec.get("replicas", 1) < 2:
        out.append(f"{name}: fewer than 2 replicas")
    if not any(selects(b["spec"]["selector"].get("matchLabels", {}), pod_labels(deployment)) for b in budgets):
        out.append(f"{name}: no PodDisruptionBudget selects its pods")
    pod_non_root = (pod.get("securityContext") or {}).get("runAsNonRoot")
    for container in pod["containers"]:
        where = f"{name} container {container['name']}"
        security = container.get("securityContext") or {}
        if not security.get("runAsNonRoot", pod_non_root):
            out.append(f"{where}: runAsNonRoot is not true")
        if not security.get("readOnlyRootFilesystem"):
            out.append(f"{where}: readOnlyRootFilesystem is not true")
        if security.get("allowPrivilegeEscalation") is not False:
            out.append(f"{where}: allowPrivilegeEscalation is not false")
        image = container.get("image", "")
        if ":" not in image.rsplit("/", 1)[-1] or image.endswith(":latest"):
            out.append(f"{where}: image {image!r} has no pinned tag")
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            path = ((container.get(probe) or {}).get("httpGet") or {}).get("path")
            if path != "/health":
                out.append(f"{where}: {probe} is not an HTTP GET of /health")
        resources = container.get("resources") or {}
        for kind in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                if resource not in (resources.get(kind) or {}):
                    out.append(f"{where}: no {resource} {kind[:-1]}")
        for variable in container.get("env") or []:
            if SECRET_NAME.search(variable["name"]) and "secretKeyRef" not in (variable.get("valueFrom") or {}):
                out.append(f"{where}: {variable['name']} must come from a Secret (valueFrom.secretKeyRef)")
    return out


def pod_labels(deployment: dict) -> dict:
    return deployment["spec"]["template"]["metadata"].get("labels", {})


def selects(selector: dict, labels: dict) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def nginx_routes(nginx_conf: str) -> list[tuple[str, str]]:
    """(path, upstream) of each prefix location of nginx.conf that proxies to an upstream."""
    pattern = r"location\s+(/[^\s{]*)\s*\{[^}]*?proxy_pass\s+http://(\w+);"
    return re.findall(pattern, nginx_conf)


if __name__ == "__main__":
    rendered, nginx_file = sys.argv[1], sys.argv[2]
    with open(rendered, encoding="utf-8") as f:
        documents = [d for d in yaml.safe_load_all(f) if d]
    with open(nginx_file, encoding="utf-8") as f:
        nginx = f.read()
    problems = findings(documents, nginx)
    for problem in problems:
        print(f"k8s: {problem}")
    if not problems:
        print(f"k8s: ok ({len(documents)} resources: probes on /health, limits, non-root, secrets by reference, PDBs)")
    sys.exit(1 if problems else 0)
