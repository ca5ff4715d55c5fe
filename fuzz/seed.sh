#!/bin/sh
# Seeds the fuzz corpora from the bundled sample and the shipped review (run from fuzz/).
set -e
mkdir -p corpus/analyze_reports corpus/read_review corpus/export_review
cp ../assets/articles/*.txt corpus/analyze_reports/
# Both sample reports as one input (reports are separated by a 0xFF byte).
{ cat ../assets/articles/afp-*.txt; printf '\377'; cat ../assets/articles/wire-*.txt; } \
    > corpus/analyze_reports/sample-pair
cp ../annotations/sample-review.ron corpus/read_review/
cp ../annotations/sample-review.ron corpus/export_review/
