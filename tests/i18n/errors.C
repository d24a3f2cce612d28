ip-new: no --name: a plan is for one person, named in it
ip-new: invalid --period: '0d' (use a count and a unit, such as 1y, 6m or 26w)
ip-new: --reviews 20: the period has no room for 20 review dates
ip-new: unknown option '--colour'
usage: ip-new --name NAME [options] [FILE|-]
ip-export: --for 'nobody': no participant has that id in 'findings.yaml'
ip-export: --consent-form is written as markdown or html, not as xml
ip-export: invalid --format: 'pdf' (use markdown, html, xml, fhir or fhir-json)
findings.yaml:27:9: error: participant id 'per' is used twice (first at line 24) [duplicate-id]
findings.yaml:43:18: error: responsible 'ola' is not a participant's id [unknown-ref]
ip-export: 'findings.yaml' has ids used twice or references to no id: not exported as XML
