/* outer /* inner; */ still a comment; */ SELECT 1;
SELECT /* a /* b /* c */ b */ a; */ 2;
/*/ odd opener */ SELECT 3;
/* -- line comment inside; */ SELECT 4 /** double star **/;
SELECT 5 /* closes /* twice */ here; */; SELECT 6 /* 'quote; "ident */
