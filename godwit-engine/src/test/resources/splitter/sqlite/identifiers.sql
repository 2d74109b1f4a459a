CREATE TABLE [odd;table] ([col;1] INTEGER, `col;2` TEXT, `back``tick;` INTEGER);
INSERT INTO [odd;table] ([col;1], `col;2`, `back``tick;`) VALUES (1, 'a', 2);
SELECT [col;1], `col;2`, [it's], [--x] FROM (SELECT *, 1 AS [it's], 2 AS [--x] FROM `odd;table`) -- [unclosed; `unclosed
;
CREATE TABLE [begin] ([end] INTEGER, "case" INTEGER, [/*] INTEGER)
