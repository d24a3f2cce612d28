Individual plans as of 2026-11-24

All plans
  plans                                  14
  active                                 13   92.9% of plans
  closed                                  1    7.1% of plans
  evaluated in the last 12 months         9   69.2% of active
  never evaluated                         1    7.7% of active
  review overdue                          2   15.4% of active
  plan period ended                       1    7.7% of active
  consent to share expired or withdrawn   2   15.4% of active
  with validation errors                  3   21.4% of plans
  drafts, not counted as plans            0

Coordinator: Bjørn Ødegård <bjorn.odegard@molde.kommune.no>
  plans                                   2
  active                                  2  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         2  100.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          0    0.0% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   0    0.0% of active
  with validation errors                  0    0.0% of plans
  drafts, not counted as plans            0

Coordinator: Ingrid Aasen <ingrid.aasen@molde.kommune.no>
  plans                                   3
  active                                  3  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         3  100.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          1   33.3% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   0    0.0% of active
  with validation errors                  1   33.3% of plans
  drafts, not counted as plans            0

Coordinator: Kari Nordmann
  plans                                   1
  active                                  1  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         0    0.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          0    0.0% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   0    0.0% of active
  with validation errors                  0    0.0% of plans
  drafts, not counted as plans            0

Coordinator: Kim "K" ?Koordinator? & Co <kim@example.kommune.no>
  plans                                   1
  active                                  1  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         1  100.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          0    0.0% of active
  plan period ended                       1  100.0% of active
  consent to share expired or withdrawn   1  100.0% of active
  with validation errors                  0    0.0% of plans
  drafts, not counted as plans            0

Coordinator: Ola Hansen <ola.hansen@molde.kommune.no>
  plans                                   4
  active                                  3   75.0% of plans
  closed                                  1   25.0% of plans
  evaluated in the last 12 months         3  100.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          0    0.0% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   0    0.0% of active
  with validation errors                  0    0.0% of plans
  drafts, not counted as plans            0

Coordinator: (the person)
  plans                                   1
  active                                  1  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         0    0.0% of active
  never evaluated                         0    0.0% of active
  review overdue                          0    0.0% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   1  100.0% of active
  with validation errors                  0    0.0% of plans
  drafts, not counted as plans            0

Coordinator: (no coordinator)
  plans                                   2
  active                                  2  100.0% of plans
  closed                                  0    0.0% of plans
  evaluated in the last 12 months         0    0.0% of active
  never evaluated                         1   50.0% of active
  review overdue                          1   50.0% of active
  plan period ended                       0    0.0% of active
  consent to share expired or withdrawn   0    0.0% of active
  with validation errors                  2  100.0% of plans
  drafts, not counted as plans            0
<html lang="en">
