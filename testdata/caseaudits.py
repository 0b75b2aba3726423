"""Case-file audits, as an auditor records them."""

from caseaudits.choices import Finding
from caseaudits.models import CaseAudit, PrincipleFinding
from portal.judgements import Judgement


def make_case_audit(
    framework,
    *,
    case_reference,
    lead_agency,
    locality,
    eha_start_date,
    audit_date,
    auditor,
    overall_judgement=Judgement.GOOD,
    findings=(),
    evidence="Seen on file.",
    **fields,
):
    """A case-file audit of one case against a principle set, and its findings: `findings` is one Finding for
    every principle, or a list of them in the principles' order (a shorter list leaves the rest unfound).
    `fields` are the audit's other fields (strengths, areas_for_development...)."""
    audit = CaseAudit.objects.create(
        framework=framework,
        case_reference=case_reference,
        lead_agency=lead_agency,
        locality=locality,
        eha_start_date=eha_start_date,
        audit_date=audit_date,
        auditor=auditor,
        overall_judgement=overall_judgement,
        **fields,
    )
    if findings:
        principles = framework.principles.order_by("number")
        if isinstance(findings, Finding):
            findings = [findings] * len(principles)
        PrincipleFinding.objects.bulk_create(
            PrincipleFinding(audit=audit, principle=principle, finding=finding, evidence=evidence)
            for principle, finding in zip(principles, findings)
        )
    return audit
