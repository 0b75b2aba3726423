"""Case-file audits, as an auditor records them."""

import random
from datetime import timedelta

from caseaudits.choices import Finding
from caseaudits.models import CaseAudit, Framework, PrincipleFinding
from caseaudits.rules import report_quarter
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


def build_case_audits(count, *, localities, lead_agencies, auditor, first_day, days=365, seed=1, batch=5000):
    """`count` audits of the current principle set with a finding for every principle, their audit dates
    spread over `days` from `first_day`, in bulk (the quarter is set here, as CaseAudit.save would)."""
    rng = random.Random(seed)
    framework = Framework.objects.get(is_current=True)
    principles = list(framework.principles.all())
    findings = [Finding.MET] * 6 + [Finding.PARTLY_MET, Finding.NOT_MET, Finding.NOT_APPLICABLE]
    judgements = [Judgement.OUTSTANDING, Judgement.GOOD, Judgement.GOOD, Judgement.REQUIRES_IMPROVEMENT]
    first = CaseAudit.objects.count()
    for offset in range(0, count, batch):
        audits = []
        for n in range(offset, min(offset + batch, count)):
            audit_date = first_day + timedelta(days=rng.randrange(days))
            period = report_quarter(audit_date)
            audits.append(
                CaseAudit(
                    framework=framework,
                    case_reference=f"BULK-{first + n + 1:07d}",
                    lead_agency=lead_agencies[n % len(lead_agencies)],
                    locality=localities[n % len(localities)],
                    eha_start_date=audit_date - timedelta(days=90),
                    audit_date=audit_date,
                    financial_year=period.start_year,
                    quarter=period.quarter,
                    auditor=auditor,
                    overall_judgement=rng.choice(judgements),
                )
            )
        CaseAudit.objects.bulk_create(audits)
        PrincipleFinding.objects.bulk_create(
            (PrincipleFinding(audit=a, principle=p, finding=rng.choice(findings)) for a in audits for p in principles),
            batch_size=batch,
        )
