@_exported import KGModel
@_exported import KGIngest
@_exported import KGExtract
@_exported import KGStore
@_exported import KGQuery
@_exported import KGRender
