"""How the site is deployed: the Varnish and nginx configurations and the stack launcher."""
