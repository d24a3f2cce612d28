2026-09-01  plans/never.yaml  first review overdue by 84 days, and the plan has never been reviewed  (no coordinator); record it: ip-evaluate plans/never.yaml
2026-09-15  plans/subgoal.yaml  sub-goal 1.5 (g1.5) "Gå tur 30 minutter hver dag." still open, due 70 days ago  (coordinator Ingrid Aasen)
2026-11-23  plans/subgoal.yaml  sub-goal 1.1 (g1.1) "Handle inn mat selv hver uke." still open, due 1 day ago  (coordinator Ingrid Aasen); record it: ip-evaluate plans/subgoal.yaml
2026-10-31  plans/measure.yaml  measure 2 (t2) "Fysioterapi" ended 24 days ago, with no review since  (coordinator Ola Hansen)
2026-11-23  plans/measure.yaml  measure 4 (t4) "Støttekontakt" ended 1 day ago, with no review since  (coordinator Ola Hansen); record it: ip-evaluate plans/measure.yaml
2026-11-23  plans/reviews.yaml  review overdue by 1 day  (coordinator Ingrid Aasen)
2026-11-24  plans/reviews.yaml  review due today  (coordinator Ingrid Aasen)
2026-12-24  plans/reviews.yaml  review due in 30 days  (coordinator Ingrid Aasen); record it: ip-evaluate plans/reviews.yaml
2026-11-24  plans/start.yaml  review due today  (no coordinator); record it: ip-evaluate plans/start.yaml
2026-11-30  plans/interval.yaml  review due in 6 days  (coordinator Ola Hansen); record it: ip-evaluate plans/interval.yaml
2026-12-01  plans/molde/consent.yaml  consent to share information expires in 7 days  (coordinator Bjørn Ødegård); record it: ip-evaluate plans/molde/consent.yaml
2026-12-02  plans/emma.yaml  review due in 8 days  (coordinator Ingrid Aasen); record it: ip-evaluate plans/emma.yaml
2026-12-08  plans/covered.yaml  review due in 14 days  (coordinator Kari Nordmann); record it: ip-evaluate plans/covered.yaml
2026-12-24  plans/molde/period-end.yaml  plan period ends in 30 days  (coordinator Bjørn Ødegård); record it: ip-evaluate plans/molde/period-end.yaml
Bjørn Ødegård <bjorn.odegard@molde.kommune.no>
2026-12-01  plans/molde/consent.yaml  consent to share information expires in 7 days; record it: ip-evaluate plans/molde/consent.yaml
2026-12-24  plans/molde/period-end.yaml  plan period ends in 30 days; record it: ip-evaluate plans/molde/period-end.yaml

Ingrid Aasen <ingrid.aasen@molde.kommune.no>
2026-09-15  plans/subgoal.yaml  sub-goal 1.5 (g1.5) "Gå tur 30 minutter hver dag." still open, due 70 days ago
2026-11-23  plans/subgoal.yaml  sub-goal 1.1 (g1.1) "Handle inn mat selv hver uke." still open, due 1 day ago; record it: ip-evaluate plans/subgoal.yaml
2026-11-23  plans/reviews.yaml  review overdue by 1 day
2026-11-24  plans/reviews.yaml  review due today
2026-12-24  plans/reviews.yaml  review due in 30 days; record it: ip-evaluate plans/reviews.yaml
2026-12-02  plans/emma.yaml  review due in 8 days; record it: ip-evaluate plans/emma.yaml

Kari Nordmann
2026-12-08  plans/covered.yaml  review due in 14 days; record it: ip-evaluate plans/covered.yaml

Ola Hansen <ola.hansen@molde.kommune.no>
2026-10-31  plans/measure.yaml  measure 2 (t2) "Fysioterapi" ended 24 days ago, with no review since
2026-11-23  plans/measure.yaml  measure 4 (t4) "Støttekontakt" ended 1 day ago, with no review since; record it: ip-evaluate plans/measure.yaml
2026-11-30  plans/interval.yaml  review due in 6 days; record it: ip-evaluate plans/interval.yaml

(no coordinator)
2026-09-01  plans/never.yaml  first review overdue by 84 days, and the plan has never been reviewed; record it: ip-evaluate plans/never.yaml
2026-11-24  plans/start.yaml  review due today; record it: ip-evaluate plans/start.yaml
