"""
Which endpoint addresses the site may post to (SSRF protection).

Only http and https, and only public addresses: a webhook must not become a
way to reach the site's own network (a database, a metadata service, an
admin port on loopback). The URL is checked when an admin saves it and again
by the worker before every attempt, against the addresses the host resolves
to then; the connection is made to the address that was checked
(webhooks/delivery.py), so a name that resolves elsewhere a second later
reaches nothing it should not. `WEBHOOKS_ALLOW_PRIVATE_ADDRESSES` lifts the
address rule (the tests' receivers are on loopback).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

SCHEMES = {"http": 80, "https": 443}


def target(url):
    """(scheme, host, port) of `url`, or raise ValueError for one we never post to."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ValueError(_("Only http and https addresses are allowed."))
    if not parts.hostname:
        raise ValueError(_("The address has no host."))
    if parts.username or parts.password:
        raise ValueError(_("The address must not contain a user name or password."))
    try:
        port = parts.port or SCHEMES[parts.scheme]
    except ValueError:
        raise ValueError(_("The address has an invalid port.")) from None
    return parts.scheme, parts.hostname, port


def is_public(address):
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host, port):
    """The addresses `host` resolves to (raises OSError when it does not)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def allowed_addresses(url):
    """
    The addresses of `url`'s host the worker may connect to, with (scheme,
    host, port); raises ValueError (refused) or OSError (unresolvable).
    """
    scheme, host, port = target(url)
    addresses = resolve(host, port)
    if not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES:
        refused = [address for address in addresses if not is_public(address)]
        if refused:
            raise ValueError(
                _("%(host)s is a private or local address (%(address)s): refused.")
                % {"host": host, "address": refused[0]}
            )
    return scheme, host, port, addresses


def refused_url_reason(url, *, check_addresses=False):
    """
    Why `url` may not be an endpoint, or "" when it may. A host that does
    not resolve now is accepted here (the worker checks again each time).
    """
    try:
        if check_addresses:
            allowed_addresses(url)
        else:
            target(url)
    except ValueError as error:
        return str(error)
    except OSError:
        return ""
    return ""
