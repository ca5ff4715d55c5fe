#!/bin/sh
# Seeds the fuzz corpora from the bundled sample, the shipped review and the test pages (run
# from fuzz/).
set -e
mkdir -p corpus/analyze_reports corpus/read_review corpus/export_review corpus/read_page
cp ../assets/articles/*.txt corpus/analyze_reports/
# Both sample reports as one input (reports are separated by a 0xFF byte).
{ cat ../assets/articles/afp-*.txt; printf '\377'; cat ../assets/articles/wire-*.txt; } \
    > corpus/analyze_reports/sample-pair
cp ../annotations/sample-review.ron corpus/read_review/
cp ../annotations/sample-review.ron corpus/export_review/
cp ../tests/pages/*.html corpus/read_page/
