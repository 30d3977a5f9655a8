#!/usr/bin/env bash
# A practice-lead network's board, on this machine: the practice lead's
# sofs-sim and a member's sofs-sim open one board on a throw-away PostgreSQL
# cluster (tools/pg-test-cluster.sh) while three more members add to it from
# the terminal (sofs network). The member's window adds a danger statement and
# a perspective; the lead's window is woken by NOTIFY for each change and takes
# pictures of the board and of its projection at 100 % and 200 % text size,
# then, once the board has about 40 items and seven perspectives, pictures
# of the full board and its projection (top, middle and end) at 100 % and
# 200 %, and exports it. Pictures and exports go into OUT.
#   tools/network-demo.sh BUILD-DIR OUT-DIR
# Exit status 0 when both windows finished every step and the export holds the board.
set -euo pipefail
# shellcheck source=tools/demo-common.sh
source "$(dirname "$0")/demo-common.sh"
demo_start network "${1:-}" "${2:-}"

lin=$(add "Lin Park" trainer lin-pw-77)
ana=$(add "Ana Lowe" trainee ana-pw-77)
ben=$(add "Ben Okafor" trainee ben-pw-77)
cal=$(add "Cal Reyes" trainee cal-pw-77)
dee=$(add "Dee Hart" trainee dee-pw-77)
"$sofs" cohort create "North practice leads" --kind practice-lead --db "$admin" >/dev/null
"$sofs" cohort add "North practice leads" "Lin Park" "Ana Lowe" "Ben Okafor" "Cal Reyes" "Dee Hart" --db "$admin" >/dev/null
export SOFS_SCENARIOS_DIR=$src/scenarios
"$sofs" network create --cohort "North practice leads" --scenario reference-case --title "Kai and Mia (network, March)" \
  --db "$(uri "$lin" lin-pw-77)" >/dev/null

cat > "$work/lead.live" <<STEPS
sign-in Lin Park | lin-pw-77
go network
network-open Kai and Mia (network, March)
touch $work/lead-open
wait-board 14 | 5
frames 4
shot $out/network-board-100.png
project on
frames 4
shot $out/network-projection-100.png
text-size 200
frames 6
shot $out/network-projection-200.png
project off
frames 4
shot $out/network-board-200.png
text-size 100
touch $work/lead-more
wait-board 40 | 7
frames 4
shot $out/network-board-40-100.png
project on
frames 4
shot $out/network-projection-40-100.png
scroll 1
frames 4
shot $out/network-projection-40-100-end.png
text-size 200
scroll 0
frames 6
shot $out/network-projection-40-200.png
scroll 0.5
frames 4
shot $out/network-projection-40-200-middle.png
scroll 1
frames 4
shot $out/network-projection-40-200-end.png
project off
frames 4
shot $out/network-board-40-200.png
text-size 100
network-export $out
quit
STEPS

cat > "$work/member.live" <<STEPS
sign-in Ana Lowe | ana-pw-77
go network
network-open Kai and Mia (network, March)
wait-for $work/lead-open
network-add danger-statement | The social worker and the school are worried that Ryan may push or hit Jade again when he has been drinking, while Kai and Mia are in the house, and that Kai could be hurt or badly frightened, as he was on Saturday night.
network-scale Social worker | 3 | Nan is there most days, but the police came twice this month.
wait-board 14 | 5
frames 3
shot $out/network-member-100.png
quit
STEPS

# Three more members at their own machines (the terminal), once the lead's board is open.
(
  for _ in $(seq 600); do [[ -e $work/lead-open ]] && break; sleep 0.1; done
  board=$("$sofs" network list --db "$(uri "$ben" ben-pw-77)" | awk 'NR==1{print $1}')
  b=$(uri "$ben" ben-pw-77); c=$(uri "$cal" cal-pw-77); d=$(uri "$dee" dee-pw-77)
  n() { "$sofs" network "$@" >/dev/null; }
  n add "$board" --to harm "Kai saw Ryan push Jade into the kitchen door on Saturday night and hid under the table" --db "$b"
  n add "$board" --to harm "The police were called to the house twice this month" --db "$c"
  n add "$board" --to danger "Kai could be hurt if he tries to stop the next fight" --db "$d"
  n add "$board" --to complicating "Ryan drinks more since he lost his job in the spring" --db "$b"
  n add "$board" --to complicating "Jade says she cannot leave: the flat is in Ryan's name" --db "$c"
  n add "$board" --to strengths "Jade gets Kai to school every day, clean and fed" --db "$d"
  n add "$board" --to strengths "Kai talks to his teacher, Mrs Dale, when he is worried" --db "$b"
  n add "$board" --to safety "Nan has Kai and Mia to stay whenever Ryan has been drinking" --db "$c"
  n add "$board" --to grey "Whether Ryan will go to the drinking service he was offered" --db "$d"
  n add "$board" --to grey "What Mia, who is two, saw on Saturday" --db "$b"
  n add "$board" --to safety-goal "Jade, Ryan and Nan will show the social worker over the next six months that whenever Ryan has been drinking, Kai and Mia are at Nan's with a grown-up who keeps them safe." --db "$c"
  n add "$board" --to next-step "Social worker to meet Jade and Nan together by Friday to write the safety plan" --db "$d"
  n add "$board" --to next-step "School to tell the social worker the same day if Kai says there was fighting" --db "$b"
  n scale "$board" --perspective "School" --number 5 --reason "Kai is in class every day and talks to his teacher" --db "$b"
  n scale "$board" --perspective "Police" --number 2 --reason "Two call-outs in a month, drink both times" --db "$c"
  n scale "$board" --perspective "Jade (mum)" --number 7 --reason "Ryan has never hurt the children" --db "$d"
  n scale "$board" --perspective "Health visitor" --number 4 --reason "Mia is well cared for; Jade seems tired and low" --db "$b"
  # Later in the meeting the board fills up (about 40 items, several machines at once).
  for _ in $(seq 900); do [[ -e $work/lead-more ]] && break; sleep 0.1; done
  # Each group of lines below is sent at once (SECTION|MEMBER|TEXT, one
  # member's machine a line), the next group when all have arrived.
  while IFS='|' read -r to who text; do
    if [[ -z $to ]]; then wait; continue; fi
    n add "$board" --to "$to" "$text" --db "${!who}" &
  done <<'ITEMS'
harm|c|Jade's lip was cut when Ryan pushed her; she was holding Mia at the time
harm|d|Kai told nursery staff that 'Daddy Ryan was shouting and Mummy fell'
harm|b|In July the police came after Ryan broke a plate in an argument with the children at home

danger|c|Mia could be hurt if she is in Jade's arms when Ryan pushes Jade again
danger|d|Kai may keep living with fear at home, hiding when the shouting starts
complicating|b|Jade has felt low since Mia was born and has missed two doctor's appointments

complicating|c|Rent arrears: the family owes two months
complicating|d|Ryan says Saturday was 'a one-off' and that he never touched Jade
complicating|b|Kai's attendance at nursery has dropped since September

strengths|c|Mia is thriving: weight and check-ups are all on track
strengths|d|Ryan plays football with Kai on Sundays and Kai lights up talking about it
strengths|b|Ryan has said he wants to cut down his drinking

strengths|c|Ryan's brother Dean has offered to help
safety|d|On Saturday night Jade took the children to Nan's straight after the police left
safety|b|Nan has a spare room and will take the children at short notice, day or night

grey|c|Whether Jade would call someone if Ryan came home drunk again
grey|d|How often Ryan drinks at home rather than at the pub
danger-statement|b|The police are worried that Mia, who is two, could be badly hurt if Ryan pushes Jade again while she is holding Mia, as he did on Saturday night.

safety-goal|c|Everyone who knows Kai and Mia will see, over the next six months, that Kai talks about home without fear and that nursery, school and Nan hear about any fighting the same day.
next-step|d|Health visitor to see Jade at home next week and talk about her low mood and the GP
next-step|b|Ryan to book a first appointment with the drinking service before the next meeting

next-step|c|Nan and Dean to agree who Jade rings, day and night, if Ryan comes home drunk
next-step|d|Social worker to do Three Houses with Kai at nursery before the review
next-step|b|Network to meet again in two weeks at Nan's flat to check the plan

harm|c|The police found Kai crying behind the sofa on Saturday night
grey|d|Whether Dean drinks with Ryan at the weekends
ITEMS
  wait
  n scale "$board" --perspective "Ryan (dad)" --number 8 --reason "It was one bad night; the kids are fine" --db "$c" &
  n scale "$board" --perspective "Nan (Linda)" --number 5 --reason "I can have them any time, but I can't be there every night" --db "$d" &
  wait
) > "$out/members.log" 2>&1 &
members=$!
status=0
demo_two_windows lead.log "$(uri "$lin" lin-pw-77)" "$work/lead.live" member.log "$(uri "$ana" ana-pw-77)" \
  "$work/member.live" || status=$?
wait $members || { echo "network-demo: the terminal members failed:"; cat "$out/members.log"; status=1; }
md=$(ls "$out"/network-*.md 2>/dev/null | head -n 1)
if ! demo_file_holds "$md" "Ryan may push or hit Jade" "| Police | 2 |" || [[ $(stat -c %a "$md") != 600 ]]; then
  echo "network-demo: the exported board is missing, incomplete or not owner-only: ${md:-no file}"; status=1
fi
demo_show_logs network lead lead.log member member.log
exit $status
