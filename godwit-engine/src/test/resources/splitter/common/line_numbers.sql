

SELECT 1; SELECT 2;
  SELECT
    3;
/* one
   two */ SELECT 4; -- x
-- y
	SELECT 5 -- tab-indented
;



SELECT
6