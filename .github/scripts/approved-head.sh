#!/usr/bin/env bash
# Did someone who may write to the repository approve exactly this head commit of a pull request? Asks GitHub's REST
# API at run time; the answer gates every job that runs a pull request's code with the Pulumi backend's secrets
# (preview-approved.yml).
#
#   approved-head.sh OWNER/REPO PR_NUMBER HEAD_SHA
#
# Environment: GH_TOKEN, the job's GITHUB_TOKEN (pull-requests: read; the permission endpoint needs only the metadata
# read every token has); GITHUB_API_URL, set by the runner (default https://api.github.com).
# Exit 0: approved, and the approvers' logins are printed, one a line. Exit 1: not approved, the reason on stderr.
# Exit 2: could not verify (bad arguments, an API error, an answer without the fields read here). Callers treat
# anything but 0 as "not approved": failing closed is the caller's default, not a choice made here.
#
# GitHub's semantics followed (REST API version 2022-11-28):
# - Get a pull request, https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request: `head.sha` is the PR's head
#   commit now, `state` is `open` or `closed`. An approval of a head the PR has moved on from approves nothing.
# - List reviews for a pull request, https://docs.github.com/en/rest/pulls/reviews#list-reviews-for-a-pull-request:
#   "The list of reviews returns in chronological order"; paginated with `per_page` (at most 100) and `page`; each
#   review has `user.login`, `state` (APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING) and `commit_id`,
#   the commit the review was submitted on. A dismissed approval is listed with state DISMISSED.
# - A reviewer's verdict is their latest review that approves, requests changes or was dismissed: "the pull request
#   cannot be merged until the same collaborator submits another review approving the changes"
#   (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/reviewing-changes-in-pull-requests/about-pull-request-reviews);
#   a Comment review is "general feedback without explicitly approving the changes or requesting additional
#   changes", so it leaves the verdict as it was. CHANGES_REQUESTED after APPROVED is therefore "not approved".
# - Get repository permissions for a user,
#   https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user: `permission`
#   is one of the base roles admin, write, read, none, with maintain mapped to write and triage to read; admin and
#   write (so also maintain, and custom roles built on write) may push, and only their approval counts.
set -euo pipefail

readonly PER_PAGE=100
readonly MAX_PAGES=30   # 3,000 reviews; a PR with more cannot be judged and is refused

repo="${1:-}"
pr_number="${2:-}"
head_sha="${3:-}"
api="${GITHUB_API_URL:-https://api.github.com}"

cannot_verify() {
  echo "approved-head: could not verify: $*" >&2
  exit 2
}
not_approved() {
  echo "approved-head: not approved: $*" >&2
  exit 1
}

[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || cannot_verify "repository '$repo' is not OWNER/REPO"
[[ "$pr_number" =~ ^[1-9][0-9]{0,8}$ ]] || cannot_verify "pull request number '$pr_number' is not a number"
[[ "$head_sha" =~ ^[0-9a-f]{40}$ ]] || cannot_verify "head '$head_sha' is not a 40-hex commit SHA"
[ -n "${GH_TOKEN:-}" ] || cannot_verify "GH_TOKEN is not set"
command -v jq >/dev/null 2>&1 || cannot_verify "jq is not on PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# GET one API path into a file; any answer but 200 with a JSON body is an error. The token goes to curl on a file
# descriptor, never on its command line, and nothing here prints it.
get() {
  local path="$1" out="$2" status
  status="$(curl --silent --show-error --max-time 30 --retry 2 --output "$out" --write-out '%{http_code}' \
    --header @<(printf 'Authorization: Bearer %s\n' "$GH_TOKEN") \
    --header 'Accept: application/vnd.github+json' --header 'X-GitHub-Api-Version: 2022-11-28' \
    "$api/$path")" || cannot_verify "GET $path failed (curl exit $?)"
  [ "$status" = "200" ] || cannot_verify "GET $path answered HTTP $status"
  jq -e . "$out" >/dev/null 2>&1 || cannot_verify "GET $path answered with something that is not JSON"
}

get "repos/$repo/pulls/$pr_number" "$work/pull.json"
pr_head="$(jq -er '.head.sha | strings' "$work/pull.json")" || cannot_verify "pull request #$pr_number has no head.sha"
pr_state="$(jq -er '.state | strings' "$work/pull.json")" || cannot_verify "pull request #$pr_number has no state"
[ "$pr_state" = "open" ] || not_approved "pull request #$pr_number is $pr_state"
[ "$pr_head" = "$head_sha" ] || not_approved "pull request #$pr_number is now at $pr_head, not $head_sha"

page=1
while :; do
  [ "$page" -le "$MAX_PAGES" ] || cannot_verify "pull request #$pr_number has more than $((MAX_PAGES * PER_PAGE)) reviews"
  reviews="$(printf '%s/reviews-%03d.json' "$work" "$page")"   # zero-padded: the glob below keeps page order
  get "repos/$repo/pulls/$pr_number/reviews?per_page=$PER_PAGE&page=$page" "$reviews"
  count="$(jq -er 'if type == "array" then length else error("not a list") end' "$reviews")" \
    || cannot_verify "page $page of the reviews is not a list"
  [ "$count" -eq "$PER_PAGE" ] || break
  page=$((page + 1))
done

# Each reviewer's verdict, in the order GitHub lists the reviews; then those who approved exactly this head.
approvers="$(jq -s --arg head "$head_sha" -r '
  add
  | reduce .[] as $review ({};
      if ($review.user.login | type) == "string"
         and ($review.state == "APPROVED" or $review.state == "CHANGES_REQUESTED" or $review.state == "DISMISSED")
      then .[$review.user.login] = $review else . end)
  | [.[] | select(.state == "APPROVED" and .commit_id == $head) | .user.login]
  | .[]' "$work"/reviews-*.json)" || cannot_verify "the reviews lack user.login, state or commit_id"

approved_by=()
while IFS= read -r login; do
  [ -n "$login" ] || continue
  [[ "$login" =~ ^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$ ]] || cannot_verify "reviewer login '$login' is not a GitHub login"
  encoded="${login//\[/%5B}"
  encoded="${encoded//\]/%5D}"
  get "repos/$repo/collaborators/$encoded/permission" "$work/permission.json"
  permission="$(jq -er '.permission | strings' "$work/permission.json")" \
    || cannot_verify "the permission of $login has no permission field"
  case "$permission" in
    admin | write) approved_by+=("$login") ;;
    *) echo "approved-head: $login approved $head_sha but may only $permission the repository; not counted" >&2 ;;
  esac
done <<< "$approvers"

[ "${#approved_by[@]}" -gt 0 ] \
  || not_approved "no one with write access to $repo has an approval of $head_sha as their latest verdict"
printf '%s\n' "${approved_by[@]}"
