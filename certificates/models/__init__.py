"""Certification rules, certificate templates and issued certificates."""

from .certificate import Certificate, CertificateBundle, ExpiryReminder
from .rules import CertificationRule
from .template import CertificateTemplate

__all__ = ["Certificate", "CertificateBundle", "CertificateTemplate", "CertificationRule", "ExpiryReminder"]
