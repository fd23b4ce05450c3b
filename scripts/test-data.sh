#!/usr/bin/env bash
# Prepares Omniglot for `make test` the way a user would, or stops the run with one line saying
# what to do. $1 is the episcope binary.
#
# With EPISCOPE_DATA set, the user chose the folder: it is used as it is, checked by the binary
# itself. Otherwise `episcope data` fills the data folder the tests then find: it downloads each
# file (md5-checked) when online, else copies it from the mirror ../shared/omniglot, and keeps
# the files already there and valid.
set -u
bin=$1
fail() {
  echo "make test: no Omniglot data ($1); connect to the internet, put the archives in ../shared/omniglot, or set EPISCOPE_DATA=DIR, then run make test again" >&2
  exit 1
}
# The last error line the binary printed, without its prefix.
reason() { printf '%s\n' "$1" | grep '^episcope: error: ' | tail -n 1 | sed 's/^episcope: error: //'; }

if [ -n "${EPISCOPE_DATA:-}" ]; then
  # One small episode reads the data the way every command does (and warms the decode cache).
  log=$("$bin" episode --ways 2 --shots 1 --seed 0 2>&1 >/dev/null) || fail "$(reason "$log")"
  echo "make test: Omniglot from EPISCOPE_DATA=$EPISCOPE_DATA"
else
  log=$("$bin" data 2>&1) || fail "$(reason "$log")"
  printf '%s\n' "$log" | grep -m 1 '^Omniglot data in ' | sed 's/^/make test: /'
fi
