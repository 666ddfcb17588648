#!/usr/bin/env bash
# The report in a real browser: runs the demo pipeline for four months (2023-08 to 2023-11, read
# from the bundled file:// pages, no network; 2023-11 is rejected on purpose), builds the report,
# renders it with headless Chromium and checks from the rendered DOM that every indicator has a
# chart with one point per month that has a value, that the rejected month is marked, and that
# nothing is requested from the network. Saves a screenshot.
# Usage: Tests/Browser/report-test.sh [SCREENSHOT.png]   (default Tests/Browser/report-demo.png)
set -euo pipefail
cd "$(dirname "$0")/../.."
screenshot="${1:-Tests/Browser/report-demo.png}"

fail() {
  echo "report-test: FAIL: $*" >&2
  exit 1
}

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  echo "report-test: installing chromium"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi
command -v jq >/dev/null 2>&1 || {
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq jq
}
scripts/bootstrap
swift build -c release --product provstat
bin=.build/release/provstat

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/Output"

# Four months; the run exits 65 because 2023-11 is rejected. --report builds the site after it.
status=0
"$bin" run --pipeline demo --from 2023-08 --to 2023-11 --output "$out" --report --quiet >"$work/run.txt" || status=$?
[ "$status" -eq 65 ] || fail "run exited $status, expected 65 (2023-11 rejected)"
site="$out/demo/report"
[ -f "$site/index.html" ] || fail "run --report wrote no $site/index.html"

# The same snapshots give the same bytes: a second build writes nothing.
"$bin" report --output "$out" >"$work/report.txt"
grep -q " 0 written" "$work/report.txt" || fail "a rebuild rewrote pages: $(cat "$work/report.txt")"
echo "report-test: $(tail -n 1 "$work/report.txt")"

# Nothing in the site loads anything: no scripts, external style sheets, images, frames, CSS urls,
# and no http(s) address anywhere except as a link a reader may follow (<a href>).
if grep -rlE '<script|<link|<img|<iframe|<object|<embed|src=|url\(|@import' "$site" "$out/index.html"; then
  fail "a page loads a resource (above)"
fi
if grep -rhoE '[a-z]+="https?://[^"]*"|https?://[^" <]*' "$site" "$out/index.html" | grep -v '^href="'; then
  fail "an http(s) address outside a link (above)"
fi

# Render in Chromium, logging every network request. DNS answers nothing (so no request could
# leave the machine anyway); Chromium's own background requests (update checks) are told apart
# from the page's by their traffic annotation, learnt from a control page that does load an
# image and a style sheet over http(s): the check must see those, and none from the report.
chrome=(chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --disable-default-apps --host-resolver-rules="MAP * ~NOTFOUND")
printf '%s\n' '<!DOCTYPE html><html><body><img src="http://example.invalid/pixel.png">' \
  '<link rel="stylesheet" href="https://example.invalid/style.css"></body></html>' >"$work/control.html"
"${chrome[@]}" --log-net-log="$work/control.json" --dump-dom "file://$work/control.html" >/dev/null 2>"$work/chromium.log"
annotations="$(grep -oE '"traffic_annotation":[0-9]+,"url":"https?://example.invalid/' "$work/control.json" |
  grep -oE '[0-9]+' | sort -u)"
[ -n "$annotations" ] || fail "the control page's requests were not seen in Chromium's network log"
"${chrome[@]}" --log-net-log="$work/net.json" --dump-dom "file://$site/index.html" >"$work/dom.html" 2>>"$work/chromium.log"
[ -s "$work/dom.html" ] || fail "chromium rendered nothing: $(tail -n 5 "$work/chromium.log")"
grep -q '<html lang="vi">' "$work/dom.html" || fail 'the rendered page is not lang="vi"'
for annotation in $annotations; do
  if grep -oE "\"traffic_annotation\":$annotation,\"url\":\"[^\"]*\"" "$work/net.json"; then
    fail "the report page requested the addresses above"
  fi
done

# Expected: per indicator, the months of the (newest) snapshots that have a value.
for file in "$out"/demo/2023-*/v1.json; do jq -r '.indicators | keys[]' "$file"; done | sort | uniq -c |
  awk '{print $2, $1}' >"$work/expected.txt"
[ "$(wc -l <"$work/expected.txt")" -ge 5 ] || fail "the demo snapshots hold too few indicators"

# Found: per chart in the rendered DOM, its indicator and its points.
awk 'BEGIN { RS = "</svg>" }
  /<svg / {
    s = substr($0, index($0, "<svg "))
    if (!match(s, /data-indicator="[^"]*"/)) next
    id = substr(s, RSTART + 16, RLENGTH - 17)
    n = gsub(/<circle /, "", s)
    print id, n
  }' "$work/dom.html" | sort >"$work/found.txt"
diff -u "$work/expected.txt" "$work/found.txt" || fail "charts and points differ from the snapshots (expected, found)"
echo "report-test: $(wc -l <"$work/found.txt") charts, points match the months with a value"

# The rejected month is marked: in the list of months, on its chart points, as a band.
grep -q '<li data-month="2023-11" data-status="rejected">' "$work/dom.html" || fail "the months list does not mark 2023-11"
grep -q 'data-month="2023-11" data-status="rejected" cx=' "$work/dom.html" || fail "no chart point marks 2023-11 rejected"
grep -q 'class="band band-rejected" data-month="2023-11"' "$work/dom.html" || fail "no chart band marks 2023-11"
if grep -q 'data-month="2023-10" data-status="rejected"' "$work/dom.html"; then fail "2023-10 marked rejected"; fi

# The month page lists the failed error first.
"${chrome[@]}" --dump-dom "file://$site/months/2023-11.html" >"$work/month.html" 2>>"$work/chromium.log"
first_check="$(grep -oE 'data-check="[^"]*"' "$work/month.html" | head -n 1)"
[ "$first_check" = 'data-check="breakdown:exports_ytd"' ] || fail "the first check on 2023-11 is $first_check"

"${chrome[@]}" --window-size=1280,1800 --hide-scrollbars --screenshot="$work/shot.png" "file://$site/index.html" \
  2>>"$work/chromium.log" >/dev/null
[ -s "$work/shot.png" ] || fail "no screenshot"
cp "$work/shot.png" "$screenshot"
echo "report-test: screenshot $screenshot"
echo "report-test: passed"
