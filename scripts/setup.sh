#!/usr/bin/env bash
# Installs everything TalentDesk needs on a Debian machine, idempotently:
#   - the system libraries Qt needs for a real window (and Xvfb/poppler/qpdf/LibreOffice for tests);
#   - a virtual environment in .venv with TalentDesk and its test and dev tools.
# Sourced by run-app and run-tests; safe to run again (it skips what is already there).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SYSTEM_PACKAGES=(
  python3-venv
  libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-randr0
  fonts-dejavu-core poppler-utils qpdf xvfb xauth
)
# The test suite also opens exports in a real spreadsheet application (headless LibreOffice
# Calc, ~200 MB); only `run-tests` asks for it, the app itself never needs it.
# And a private PostgreSQL server (scripts/pg-cluster) to run the services' tests on both engines.
if [ "${TALENTDESK_SETUP_FOR_TESTS:-0}" = "1" ]; then
  SYSTEM_PACKAGES+=(libreoffice-calc-nogui postgresql)
fi

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else SUDO="none"; fi
  if [ "$SUDO" = "none" ]; then
    echo "Aviso: faltan paquetes del sistema (${missing[*]}) y no hay sudo; instálelos como root." >&2
  else
    echo "Instalando paquetes del sistema: ${missing[*]}" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Se necesita Python 3.11 o posterior (encontrado: $("$PYTHON" --version))." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the dependency list changed.
stamp=".venv/.talentdesk-installed"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[test,dev]"
  echo "$wanted" > "$stamp"
fi
