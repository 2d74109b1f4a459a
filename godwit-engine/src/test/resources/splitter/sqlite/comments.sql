/* SQLite comments do not nest: /* this opens nothing */ SELECT 1;
SELECT 2 /* x /* y */;
/* an unterminated comment runs to the end of the script; SELECT 3;
SELECT 4;
