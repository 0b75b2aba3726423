"""Pledge pages: public (signatories), an organisation's own (signing, status, evidence) and the board's."""
