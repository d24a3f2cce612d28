Individual plans as of 24 November 2026

Coordinator   plans  active  closed  eval 12m  never  overdue  ended  sharing  invalid  drafts
All plans
                 14      13       1         9      1        2      1        2        3       0
Bjørn Ødegård <bjorn.odegard@molde.kommune.no>
                  2       2       0         2      0        0      0        0        0       0
Ingrid Aasen <ingrid.aasen@molde.kommune.no>
                  3       3       0         3      0        1      0        0        1       0
Kari Nordmann
                  1       1       0         0      0        0      0        0        0       0
Kim "K" ?Koordinator? & Co <kim@example.kommune.no>
                  1       1       0         1      0        0      1        1        0       0
Ola Hansen <ola.hansen@molde.kommune.no>
                  4       3       1         3      0        0      0        0        0       0
(the person)
                  1       1       0         0      0        0      0        1        0       0
(no coordinator)
                  2       2       0         0      1        1      0        0        2       0

eval 12m  evaluated in the last 12 months
never     never evaluated
overdue   review overdue
ended     plan period ended
sharing   consent to share expired or withdrawn
invalid   with validation errors
drafts    drafts, not counted as plans
<html lang="en">
