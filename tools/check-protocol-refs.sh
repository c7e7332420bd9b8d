#!/usr/bin/env bash
# Fails when a `§x.y` in the code or the docs names no section of docs/protocol.md. References
# written as "product.md §…", "toolchain.md §…" or "design.md §…" point to those documents and
# are not checked.
set -uo pipefail
cd "$(dirname "$0")/.."

doc=docs/protocol.md
[ -f "$doc" ] || { echo "protocol-refs: $doc is missing"; exit 1; }

# Section numbers defined by headings: "## 12. Title" and "### 12.5 Title".
sections=$(grep -oE '^#{2,3} [0-9]+(\.[0-9]+)*\.? ' "$doc" | grep -oE '[0-9]+(\.[0-9]+)*' | sort -u)

status=0
while IFS= read -r hit; do
    [ -n "$hit" ] || continue
    location=${hit%%§*}
    number=${hit##*§}
    if ! grep -qxF "$number" <<<"$sections"; then
        echo "protocol-refs: ${location}§${number} has no section in $doc"
        status=1
    fi
done < <(grep -rnoE '((product|toolchain|design)\.md )?§[0-9]+(\.[0-9]+)*' \
             src tests tools docs CONTRIBUTING.md README.md \
             --include='*.h' --include='*.cpp' --include='*.md' --include='*.sh' 2>/dev/null \
         | grep -vE '(product|toolchain|design)\.md §')
[ $status -eq 0 ] && echo "protocol-refs: every § reference resolves in $doc"
exit $status
