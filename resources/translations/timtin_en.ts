<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FoldersDialog</name>
    <message numerus="yes">
        <source>Its %n document(s) will leave the index. The files themselves stay where they are.</source>
        <translation>
            <numerusform>Its %n document will leave the index. The files themselves stay where they are.</numerusform>
            <numerusform>Its %n documents will leave the index. The files themselves stay where they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1: %n document(s) left the index.</source>
        <translation>
            <numerusform>Removed %1: %n document left the index.</numerusform>
            <numerusform>Removed %1: %n documents left the index.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Search %n document(s)</source>
        <translation>
            <numerusform>Search %n document</numerusform>
            <numerusform>Search %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of at least %n result(s) · %2 ms</source>
        <translation>
            <numerusform>%1 of at least %n result · %2 ms</numerusform>
            <numerusform>%1 of at least %n results · %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n result(s) · %2 ms</source>
        <translation>
            <numerusform>%1 of %n result · %2 ms</numerusform>
            <numerusform>%1 of %n results · %2 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) · %1 ms</source>
        <translation>
            <numerusform>%n result · %1 ms</numerusform>
            <numerusform>%n results · %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and were skipped.</source>
        <translation>
            <numerusform>%n file could not be read and was skipped.</numerusform>
            <numerusform>%n files could not be read and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show more (%1 of %n)</source>
        <translation>
            <numerusform>Show more (%1 of %n)</numerusform>
            <numerusform>Show more (%1 of %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show more (%1 of at least %n)</source>
        <translation>
            <numerusform>Show more (%1 of at least %n)</numerusform>
            <numerusform>Show more (%1 of at least %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
</TS>