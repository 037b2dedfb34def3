# British order, as the site's English texts write dates: "13 December 2024",
# not Django's American default "Dec. 13, 2024".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
MONTH_DAY_FORMAT = "j F"
