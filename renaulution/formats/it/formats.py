# Italian dates without a leading zero on the day ("1 novembre 2023"), as
# Italian press writes them; Django's own format is "01 novembre 2023".
DATE_FORMAT = "j F Y"
