@_exported import KGExtract
@_exported import KGIngest
@_exported import KGModel
@_exported import KGQuery
@_exported import KGRender
@_exported import KGServe
@_exported import KGStore
