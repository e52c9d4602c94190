#!/usr/bin/env bash
# System prerequisites. `run`: what the platform needs. `test`: also a Redis server, Chromium
# for the browser tests, the libraries WeasyPrint renders certificates with, and Node.js with npm
# for the independent Open Badges verifier (tests/verifier).
# As root on Debian or Ubuntu, missing packages are installed with apt-get; elsewhere this
# stops and names exactly what to install.
set -euo pipefail
purpose="${1:-run}"

python_ok() { python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }
if ! python_ok; then
  echo "Python 3.11 or newer with the venv module is needed (Debian: python3 python3-venv)." >&2
  exit 1
fi

declare -A check=(
  [libpango-1.0-0]="ldconfig -p | grep -q libpango-1.0.so.0"
  [libpangoft2-1.0-0]="ldconfig -p | grep -q libpangoft2-1.0.so.0"
  [libharfbuzz-subset0]="ldconfig -p | grep -q libharfbuzz-subset.so.0"
  [fonts-dejavu-core]="test -d /usr/share/fonts/truetype/dejavu"
  # Arabic certificates are set in Noto Naskh Arabic.
  [fonts-noto-core]="test -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
  # msgfmt compiles the interface's translations (locale/*/LC_MESSAGES/django.po) at install.
  [gettext]="command -v msgfmt"
)
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core gettext)
if [ "$purpose" = "test" ]; then
  check[redis-server]="command -v redis-server"
  check[chromium]="command -v chromium"
  # pdftotext reads the certificates' text back in the tests.
  check[poppler-utils]="command -v pdftotext"
  check[nodejs]="command -v node"
  check[npm]="command -v npm"
  packages+=(redis-server chromium poppler-utils nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  bash -c "${check[$package]}" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing system packages: ${missing[*]}" >&2
echo "Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]}) and run make again." >&2
exit 1
