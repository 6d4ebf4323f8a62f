#!/bin/sh
# Fails when a banned libc function is called in src/ (see STYLE.md), or
# when core/ includes a header of a layer or library it must not use.
set -eu
cd "$(dirname "$0")/.."
status=0
banned='\b(sprintf|vsprintf|strcpy|strcat|strncpy|strtok|atoi|atol|gets|sscanf)[[:space:]]*\('
# Lines inside comments (starting with /* or *) are not calls.
if grep -rnE --include="*.c" --include="*.h" "$banned" src fuzz bench tools 2>/dev/null |
	grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/?\*|//)'; then
	echo "check-banned: banned functions used above (see STYLE.md)" >&2
	status=1
fi
if grep -rnE '#include[[:space:]]*[<"](sqlite3|libpq-fe|microhttpd|jansson)\.h[">]|#include[[:space:]]*"(store|web|cli)/' src/core; then
	echo "check-banned: core/ must stay pure (no SQL, HTTP, JSON or upper layers)" >&2
	status=1
fi
[ $status -eq 0 ] && echo "check-banned: clean"
exit $status
