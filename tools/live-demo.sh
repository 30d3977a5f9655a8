#!/usr/bin/env bash
# The two-window live session, on this machine: a trainer's sofs-sim and a
# trainee's sofs-sim share a live session through a throw-away PostgreSQL
# cluster (tools/pg-test-cluster.sh). The trainee joins with the code, writes
# a danger statement and a safety goal, and votes twice; the trainer's screen
# shows the answer in the room, the statements on the wall, and both rounds
# revealed; then two rounds of a vote on the fact mapping (where the room
# put each fact, the rounds side by side), and one wall statement improved
# together (the trainee proposes, the trainer picks). The session's exports
# (Markdown and CSV) carry the wall, the improved statement and every round. Pictures at 100 % and 200 % text size go into OUT.
#   tools/live-demo.sh BUILD-DIR OUT-DIR
# Runs both programs under one Xvfb display (xvfb-run -a). Exit status 0 when
# both scripts finished every step.
set -euo pipefail
# shellcheck source=tools/demo-common.sh
source "$(dirname "$0")/demo-common.sh"
demo_start live "${1:-}" "${2:-}"
# The checks below read this run's exports only (each session's code differs).
rm -f "$out"/live-session-*-wall.md "$out"/live-session-*-wall.csv

tess=$(add "Tess Marsh" trainer tess-pw-77)
ana=$(add "Ana Lowe" trainee ana-pw-77)
# Five more of the room, at the terminal (sofs live), so the vote has a spread.
others=("Ben Okafor" "Cal Reyes" "Dee Hart" "Eli Moss" "Fay Quinn")
round1=(3 2 6 4 3)
round2=(3 3 4 4 3)
# Their sortings of some of the reference case's facts, before and after the
# room talks: Nan's spare room and Ryan's wish to cut down move, others stay.
sort1=("linda-spare-room=strength ryan-wants-cut-down=existing-safety kai-nursery-jumpy=complicating-factor flat-untidy=complicating-factor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=past-harm jade-took-children-to-linda=existing-safety"
       "linda-spare-room=strength ryan-wants-cut-down=existing-safety kai-nursery-jumpy=past-harm flat-untidy=complicating-factor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety"
       "linda-spare-room=existing-safety ryan-wants-cut-down=strength kai-nursery-jumpy=complicating-factor flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=past-harm jade-took-children-to-linda=strength"
       "linda-spare-room=strength ryan-wants-cut-down=existing-safety kai-nursery-jumpy=complicating-factor flat-untidy=complicating-factor push-saturday=past-harm ryan-denies=strength pc-guess=past-harm jade-took-children-to-linda=existing-safety"
       "linda-spare-room=strength ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety")
sort2=("linda-spare-room=existing-safety ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety"
       "linda-spare-room=existing-safety ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety"
       "linda-spare-room=existing-safety ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety"
       "linda-spare-room=strength ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=complicating-factor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety"
       "linda-spare-room=existing-safety ryan-wants-cut-down=strength kai-nursery-jumpy=past-harm flat-untidy=distractor push-saturday=past-harm ryan-denies=complicating-factor pc-guess=distractor jade-took-children-to-linda=existing-safety")
other_uris=()
for name in "${others[@]}"; do
  r=$(add "$name" trainee "${name%% *}-pw-77")
  other_uris+=("$(uri "$r" "${name%% *}-pw-77")")
done
"$sofs" cohort create "Tuesday group" --kind two-day --db "$admin" >/dev/null
"$sofs" cohort add "Tuesday group" "Tess Marsh" "Ana Lowe" "${others[@]}" --db "$admin" >/dev/null
"$sofs" cohort assign "Tuesday group" reference-case --scenarios "$src/scenarios" --db "$admin" >/dev/null

cat > "$work/trainer.live" <<STEPS
sign-in Tess Marsh | tess-pw-77
go live
open-session Tuesday group | reference-case
write-code $work/code
wait-wall 2
tab room
frames 4
shot $out/live-room-100.png
idle 5
names on
frames 3
shot $out/live-room-names-100.png
names off
tab wall
frames 4
shot $out/live-wall-100.png
export-wall $out
tab vote
open-vote scaling
touch $work/vote-1
wait-votes 6
frames 3
shot $out/live-vote-counting-100.png
reveal
touch $work/revealed-1
wait-for $work/discussed
open-vote scaling
touch $work/vote-2
wait-votes 6
reveal
frames 4
shot $out/live-vote-revealed-100.png
open-vote sort-facts
touch $work/sort-open
wait-votes 6
reveal
frames 4
shot $out/live-sorting-revealed-100.png
open-vote sort-facts
touch $work/sort-open-2
wait-votes 6
reveal
frames 4
shot $out/live-sorting-rounds-100.png
tab wall
improve 1
touch $work/improve-open
wait-proposals 1
frames 4
shot $out/live-improve-100.png
pick 1
frames 3
shot $out/live-improve-picked-100.png
export-wall $out
tab vote
text-size 200
frames 6
shot $out/live-sorting-rounds-200.png
vote-task scaling
frames 6
shot $out/live-vote-revealed-200.png
tab wall
frames 4
shot $out/live-wall-200.png
tab room
frames 4
shot $out/live-room-200.png
touch $work/trainer-done
quit
STEPS

cat > "$work/trainee.live" <<STEPS
sign-in Ana Lowe | ana-pw-77
go live
join-from $work/code
frames 3
shot $out/live-trainee-joined-100.png
open-case
play-until danger-statement
answer Social workers are worried that Ryan may push or hit Jade again when he has been drinking, while Kai and Mia are in the room, and that Kai could be hurt or badly frightened, as he was on Saturday night.
play-until safety-goal
answer Jade, Ryan, Linda and the people who help them will show the social worker over the next six months that whenever Ryan has been drinking Kai and Mia are somewhere calm with a grown-up who keeps them safe, and that the police are not called to the house again.
go live
wait-for $work/vote-1
vote 7
frames 3
shot $out/live-trainee-voting-100.png
wait-revealed 1
touch $work/discussed
wait-for $work/vote-2
vote 4
wait-revealed 2
frames 4
shot $out/live-trainee-revealed-100.png
wait-for $work/sort-open
move-fact pc-guess | past-harm
send-sorting
wait-for $work/sort-open-2
move-fact pc-guess | distractor
frames 3
shot $out/live-trainee-sorting-100.png
send-sorting
wait-for $work/improve-open
propose The school is worried that Ryan may push or hit Jade again when he has been drinking, and that Kai could be hurt or badly frightened, as he was on Saturday night.
frames 3
shot $out/live-trainee-improve-100.png
wait-for $work/trainer-done
quit
STEPS

tess_uri=$(uri "$tess" tess-pw-77)
ana_uri=$(uri "$ana" ana-pw-77)
export SOFS_SCENARIOS_DIR=$src/scenarios
# The five at the terminal join once the code is out and vote in each round.
(
  wait_file() { for _ in $(seq 600); do [[ -e $1 ]] && return 0; sleep 0.1; done; return 1; }
  wait_file "$work/code" || exit 1
  code=$(cat "$work/code")
  session=
  for u in "${other_uris[@]}"; do session=$("$sofs" live join "$code" --db "$u" | sed -n 's/joined session //p'); done
  for round in 1 2; do
    wait_file "$work/vote-$round" || exit 1
    i=0
    for u in "${other_uris[@]}"; do
      if [[ $round == 1 ]]; then n=${round1[$i]}; else n=${round2[$i]}; fi
      "$sofs" live vote "$session" --task scaling --number "$n" --db "$u" >/dev/null
      i=$((i + 1))
    done
  done
  # Two rounds of the fact mapping, each sent once the trainer opens it.
  for round in 1 2; do
    if [[ $round == 1 ]]; then wait_file "$work/sort-open" || exit 1; else wait_file "$work/sort-open-2" || exit 1; fi
    i=0
    for u in "${other_uris[@]}"; do
      if [[ $round == 1 ]]; then placed=${sort1[$i]}; else placed=${sort2[$i]}; fi
      # shellcheck disable=SC2086  # one FACT=PLACE word each
      "$sofs" live place "$session" --task sort-facts $placed --db "$u" >/dev/null
      i=$((i + 1))
    done
  done
) > "$out/room.log" 2>&1 &
room=$!
status=0
demo_two_windows trainer.log "$tess_uri" "$work/trainer.live" trainee.log "$ana_uri" "$work/trainee.live" || status=$?
wait $room || { echo "live-demo: the terminal trainees failed:"; cat "$out/room.log"; status=1; }
# The session's exports (Markdown and CSV) hold the trainee's statement, the
# statement improved together with its picked edit, both rounds of each
# vote side by side, and no one's name.
wall=$(ls "$out"/live-session-*-wall.md 2>/dev/null | head -n 1)
if ! demo_file_holds "$wall" "Ryan may push or hit Jade" "(picked)" \
     "| Fact | Round 1: before discussion | Round 2: after discussion |" \
     "| The numbers | 2 3 3 4 6 7 | 3 3 3 4 4 4 |" "Linda has a spare room.*(the room moved it)" ||
   grep -qE "Ana|Lowe|Okafor" "$wall"; then
  echo "live-demo: the exported session is missing the statement, the pick or the rounds, or names someone: ${wall:-no file}"
  status=1
fi
csv=$(ls "$out"/live-session-*-wall.csv 2>/dev/null | head -n 1)
if ! demo_file_holds "$csv" "^wall,Danger statement 1,danger statement," \
     "^improved together,\"Improved together 1, edit 1\",danger statement,picked," \
     "^vote,.*,sorting,moved,.*Round 2: after discussion: " \
     "^vote,.*,scaling,Round 2: after discussion,3 3 3 4 4 4," \
     "PC Hughes wrote.*,Round 1: before discussion: Past harm 4; Not part of the mapping 2 | Round 2: after discussion: Not part of the mapping 6\"*\$" ||
   grep -qE "Ana|Lowe|Okafor" "$csv"; then
  echo "live-demo: the session's CSV is missing the wall, the improved statement or the rounds, or names someone: ${csv:-no file}"
  status=1
fi
demo_show_logs live trainer trainer.log trainee trainee.log
exit $status
