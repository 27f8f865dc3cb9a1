#!/bin/sh
# tests/sdk/guide_script.sh GUIDE.md — prints the plugin guide's tutorial
# as a shell script, so tests follow it literally: a fenced block after
#   <!-- file: NAME -->    becomes "create NAME with this text",
#   <!-- append: NAME -->  "add this text to NAME",
#   <!-- run -->           commands run as they stand.
# Every other block of the guide (excerpts, output) is left out.
awk '
/^<!-- (file|append): [^ ]+ -->$/ { mode = $2; name = $3; pending = 1; next }
/^<!-- run -->$/ { mode = "run:"; pending = 1; next }
pending && /^```/ {
    pending = 0; inside = 1
    if (mode == "file:") printf "cat > %c%s%c <<%cJV_GUIDE_EOF%c\n", 39, name, 39, 39, 39
    else if (mode == "append:") printf "cat >> %c%s%c <<%cJV_GUIDE_EOF%c\n", 39, name, 39, 39, 39
    next
}
inside && /^```[ \t]*$/ { inside = 0; if (mode != "run:") print "JV_GUIDE_EOF"; next }
inside { print }
' "$1"
