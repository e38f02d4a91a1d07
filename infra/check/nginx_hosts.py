"""Prints the upstream host names of an nginx configuration, one a line (for `nginx -t` with them resolvable)."""
import sys

from compose_rules import upstream_hosts

with open(sys.argv[1], encoding="utf-8") as f:
    print("\n".join(sorted(set(upstream_hosts(f.read())))))
