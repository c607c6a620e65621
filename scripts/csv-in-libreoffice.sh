#!/usr/bin/env bash
# Opens a CSV export the way a spreadsheet user would (LibreOffice Calc, headless, UTF-8, comma-separated,
# columns detected) and prints it to PDF and PNG pages next to the file: <name>.pdf, <name>-N.png.
# Needs the Debian packages libreoffice-calc-nogui and poppler-utils. Usage: scripts/csv-in-libreoffice.sh <file.csv>
set -euo pipefail
csv="$(realpath "$1")"
dir="$(dirname "$csv")"
name="$(basename "$csv" .csv)"
# CSV filter options: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), first line 1, column types
# detected, language 1042 (Korean).
soffice --headless --infilter="CSV:44,34,76,1,,1042" --convert-to pdf --outdir "$dir" "$csv" >/dev/null
pdftoppm -png -r 90 "$dir/$name.pdf" "$dir/$name"
ls "$dir/$name".pdf "$dir/$name"-*.png
