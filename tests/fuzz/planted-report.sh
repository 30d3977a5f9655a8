#!/bin/sh
# Stands in for `sofs` in the test that checks the fuzz driver counts what it
# should: every run "finds" a sanitizer report, so the driver must count one
# per `sofs assess` run and fail.
echo "==1==ERROR: AddressSanitizer: heap-buffer-overflow (planted by tests/fuzz/planted-report.sh)" >&2
exit 1
